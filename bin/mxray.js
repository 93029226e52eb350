#!/usr/bin/env node
// The CLI is bundled by `npm run build` (scripts/build.mjs) from src/cli; this shim only loads it.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/mxray.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('mxray: the CLI is not built yet. Run `npm run build` in the MXray folder first.\n');
  process.exit(2);
}
await import(bundle.href);
