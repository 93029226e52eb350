/**
 * The built `mxray` as a person runs it: bin/mxray.js in a child process, trusting the test
 * stack's CA through NODE_EXTRA_CA_CERTS (as the README documents), colour off. One helper for
 * every CLI test; each file adds its own leading arguments (the stack's resolver, --no-fallback…).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/mxray.js', import.meta.url));

export interface MxrayRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runMxray(caPath: string, args: string[], options: { timeoutMs?: number } = {}): Promise<MxrayRun> {
  if (!existsSync(new URL('../../dist/cli/mxray.mjs', import.meta.url))) throw new Error('dist/cli is missing: run `npm run build` (npm test does it first)');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: caPath, NO_COLOR: '1' }, timeout: options.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr }),
    );
  });
}
