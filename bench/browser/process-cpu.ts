// Which processes worked, and how long they waited for a core, while a lookup ran: from Linux's
// per-thread scheduler statistics (/proc/<pid>/task/<tid>/schedstat: ns on a CPU, ns runnable
// but waiting for one). Read before the key press and after the page is done, with no DevTools
// client involved. On a 2-core machine this says whether the wait is the plan's round trips or
// Chromium's processes queueing for the cores. Threads that end inside the window are missed.
import { readdir, readFile } from 'node:fs/promises';

export const PROCESS_GROUPS = ['browser', 'extension renderer', 'network service', 'gpu', 'other chromium', 'bench process', 'knotd', 'Xvfb'] as const;
export type ProcessGroup = (typeof PROCESS_GROUPS)[number];

export type CpuSnapshot = Map<number, { group: ProcessGroup; cpuNs: number; waitNs: number }>;
export type CpuUse = Record<ProcessGroup, { cpuMs: number; waitMs: number }>;

function groupOf(pid: number, args: string[]): ProcessGroup | undefined {
  if (pid === process.pid) return 'bench process';
  const program = args[0] ?? '';
  if (program.endsWith('/knotd')) return 'knotd';
  if (program.endsWith('Xvfb')) return 'Xvfb';
  if (!program.includes('chromium')) return undefined;
  const type = args.find((arg) => arg.startsWith('--type='))?.slice('--type='.length);
  if (type === undefined) return 'browser';
  if (type === 'renderer' && args.includes('--extension-process')) return 'extension renderer';
  if (type === 'utility' && args.some((arg) => arg.includes('NetworkService'))) return 'network service';
  if (type === 'gpu-process') return 'gpu';
  return 'other chromium';
}

async function schedstat(pid: number): Promise<{ cpuNs: number; waitNs: number }> {
  let cpuNs = 0;
  let waitNs = 0;
  for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const fields = (await readFile(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').catch(() => '')).split(' ');
    cpuNs += Number(fields[0] ?? 0) || 0;
    waitNs += Number(fields[1] ?? 0) || 0;
  }
  return { cpuNs, waitNs };
}

export async function snapshotCpu(): Promise<CpuSnapshot> {
  const snapshot: CpuSnapshot = new Map();
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split(/[\0 ]+/).filter(Boolean);
    const group = groupOf(pid, args);
    if (group) snapshot.set(pid, { group, ...(await schedstat(pid)) });
  }
  return snapshot;
}

/** CPU and run-queue wait per group between two snapshots (processes that started count from 0). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const use = Object.fromEntries(PROCESS_GROUPS.map((group) => [group, { cpuMs: 0, waitMs: 0 }])) as CpuUse;
  for (const [pid, now] of after) {
    const then = before.get(pid);
    use[now.group].cpuMs += (now.cpuNs - (then?.cpuNs ?? 0)) / 1e6;
    use[now.group].waitMs += (now.waitNs - (then?.waitNs ?? 0)) / 1e6;
  }
  return use;
}

/** Groups with a process that did not exist at `before` (e.g. the extension's renderer, started again). */
export function startedGroups(before: CpuSnapshot, after: CpuSnapshot): Set<ProcessGroup> {
  return new Set([...after].filter(([pid]) => !before.has(pid)).map(([, entry]) => entry.group));
}
