/** Entry point bundled to dist/cli/mxray.mjs; `bin/mxray.js` loads it. */
import { main } from './main';

main({
  argv: process.argv.slice(2),
  env: process.env,
  isTty: Boolean(process.stdout.isTTY),
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mxray: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
