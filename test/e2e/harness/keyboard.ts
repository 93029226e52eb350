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
