// A private X display per test file, so a headful Chromium can show its real toolbar popup and
// its real context menus, and xdotool can press keys in them as a person would. One display per
// file: keyboard focus is per display, so files running side by side cannot steal each other's
// key presses.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface Display {
  /** `:N`, for DISPLAY. */
  name: string;
  stop(): Promise<void>;
}

export function requireProgram(program: string, aptPackage: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error(
      `${program} is missing: install it with \`apt-get install -y ${aptPackage}\` (the person-like tests need a real X display and key presses).`,
    );
  }
}

/**
 * Starts Xvfb on a free display number (it picks one and writes it to fd 3). `extraArgs` go to
 * Xvfb as they are (the Firefox suite passes `-fbdir DIR` to read the screen for screenshots).
 */
export async function startXvfb(size = '1280x900x24', extraArgs: readonly string[] = []): Promise<Display> {
  requireProgram('Xvfb', 'xvfb');
  const child: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', size, '-nolisten', 'tcp', '-noreset', ...extraArgs], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in 10 s: ${stderr}`)), 10_000);
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${stderr}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name: `:${number}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
    },
  };
}
