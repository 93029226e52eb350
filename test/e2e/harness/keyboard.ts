// Real key presses through the X server (xdotool uses XTEST): they reach the browser exactly as a
// person's would, so browser-level shortcuts and native menus react to them, which synthetic
// page events (Playwright's keyboard) cannot do.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { requireProgram } from './xvfb';

const run = promisify(execFile);

export async function pressKeys(display: string, ...keys: string[]): Promise<void> {
  requireProgram('xdotool', 'xdotool');
  await run('xdotool', ['key', '--clearmodifiers', '--delay', '40', ...keys], { env: { ...process.env, DISPLAY: display } });
}

/** Moves the X pointer (focus follows the pointer on a display without a window manager). */
export async function movePointer(display: string, x: number, y: number): Promise<void> {
  await run('xdotool', ['mousemove', String(x), String(y)], { env: { ...process.env, DISPLAY: display } });
}

/** Types text through the X server, key by key. */
export async function typeText(display: string, text: string): Promise<void> {
  requireProgram('xdotool', 'xdotool');
  await run('xdotool', ['type', '--delay', '20', text], { env: { ...process.env, DISPLAY: display } });
}

/** The X windows now visible on the display (a native context menu is one of its own). */
export async function visibleWindows(display: string): Promise<Set<string>> {
  requireProgram('xdotool', 'xdotool');
  try {
    const { stdout } = await run('xdotool', ['search', '--onlyvisible', '--name', ''], { env: { ...process.env, DISPLAY: display } });
    return new Set(
      stdout
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
  } catch {
    return new Set(); // xdotool exits 1 when nothing matches
  }
}

/** Waits until a window not in `before` is visible; returns its id, or undefined after `timeoutMs`. */
export async function waitForNewWindow(display: string, before: Set<string>, timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const id of await visibleWindows(display)) if (!before.has(id)) return id;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  return undefined;
}
