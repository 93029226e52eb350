// Runs the stack's daemons as children in the foreground and stops them by PID, so teardown
// never leaves a knotd or dnsdist behind (and never kills one it did not start).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Daemon {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Everything the daemon wrote to stdout and stderr, for error messages. */
  output(): string;
  /** Resolves when the process has exited (immediately if it already has). */
  exited(): Promise<void>;
  stop(): Promise<void>;
}

// If this process dies without teardown (even SIGKILL), the kernel kills the daemon too:
// setpriv (util-linux, always on Debian) sets PR_SET_PDEATHSIG and then execs it, same PID.
const SETPRIV = '/usr/bin/setpriv';

// Last resort if the test runner exits without running teardown (uncaught error, process.exit).
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function startDaemon(name: string, command: string, args: string[], cwd: string): Daemon {
  const [file, argv] = existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args]] : [command, args];
  const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = child.pid;
  running.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    // Keep the tail only: a long test run must not grow this without bound.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  child.once('error', (error) => {
    output += `\n${error.message}`;
  });

  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    pid,
    child,
    output: () => output,
    exited: () => exit,
    async stop() {
      if (hasExited()) return;
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => {
        if (!hasExited()) process.kill(pid, 'SIGKILL');
      }, 2_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
