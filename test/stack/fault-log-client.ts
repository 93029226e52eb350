// Reads and clears the shared fault server's request log over HTTP: tests run in vitest worker
// processes, while the server lives in the global-setup process.
import type { FaultLogEntry } from './fault-log';
import type { StackInfo } from './stack-info';
import { createTrustedFetch } from './trusted-fetch';

async function call(stack: Pick<StackInfo, 'faultUrl' | 'caPem'>, method: 'GET' | 'POST', path: string): Promise<string> {
  const trusted = createTrustedFetch(stack.caPem);
  try {
    const response = await trusted.fetch(`${stack.faultUrl}${path}`, { method });
    const body = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${body}`);
    return body;
  } finally {
    await trusted.close();
  }
}

/** The log entries with this tag (all entries when tag is undefined), oldest first. */
export async function readFaultLog(stack: Pick<StackInfo, 'faultUrl' | 'caPem'>, tag?: string): Promise<FaultLogEntry[]> {
  const query = tag === undefined ? '' : `?tag=${encodeURIComponent(tag)}`;
  return JSON.parse(await call(stack, 'GET', `/_log${query}`)) as FaultLogEntry[];
}

export async function clearFaultLog(stack: Pick<StackInfo, 'faultUrl' | 'caPem'>, tag?: string): Promise<void> {
  const query = tag === undefined ? '' : `?tag=${encodeURIComponent(tag)}`;
  await call(stack, 'POST', `/_log/clear${query}`);
}
