// Runs the DNS test stack (test/stack/start.ts) in its own process, so the fault server's TLS and
// forwarding work runs on the other core instead of competing with the engine being measured.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { StackInfo } from '../test/stack/stack-info';

export interface StackProcess {
  info: StackInfo;
  stop(): Promise<void>;
}

export async function startStackProcess(): Promise<StackProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/stack/start.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the DNS test stack exited (code ${code}) before it was ready`)));
  });
  const printed = JSON.parse(firstLine) as Omit<StackInfo, 'caPem'>;
  const info: StackInfo = { ...printed, caPem: await readFile(printed.caPath, 'utf8') };
  let stopping: Promise<void> | undefined;
  return {
    info,
    stop: () =>
      (stopping ??= (async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        await exited;
      })()),
  };
}
