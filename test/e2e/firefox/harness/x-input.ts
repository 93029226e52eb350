// Real pointer and keyboard input through the X server (xdotool, XTEST): Firefox receives it
// exactly as a person's, in the page, in its toolbar popup and in its native context menu.
// Key presses and typing come from the Chromium suite's harness/keyboard.ts.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { movePointer, pressKeys, typeText as typeKeys } from '../../harness/keyboard';

const run = promisify(execFile);

const xdotool = (display: string, ...args: string[]) => run('xdotool', args, { env: { ...process.env, DISPLAY: display } });

export interface Point {
  x: number;
  y: number;
}

/** Playwright's key names, as X keysyms. */
const KEYSYMS: Record<string, string> = { Enter: 'Return', Escape: 'Escape', Tab: 'Tab', Backspace: 'BackSpace', ArrowDown: 'Down', ArrowUp: 'Up' };

export async function pressKey(display: string, key: string): Promise<void> {
  await pressKeys(
    display,
    key
      .split('+')
      .map((part) => KEYSYMS[part] ?? part)
      .join('+'),
  );
}

export async function typeText(display: string, text: string): Promise<void> {
  await typeKeys(display, text);
}

export async function moveTo(display: string, point: Point): Promise<void> {
  await movePointer(display, Math.round(point.x), Math.round(point.y));
}

export async function clickAt(display: string, point: Point, button: 'left' | 'right' = 'left'): Promise<void> {
  await xdotool(display, 'mousemove', String(Math.round(point.x)), String(Math.round(point.y)), 'click', button === 'left' ? '1' : '3');
}

/** Presses the left button at `from`, moves through the points, releases at the last: a drag. */
export async function drag(display: string, from: Point, ...through: Point[]): Promise<void> {
  const moves = through.flatMap((point) => ['mousemove', String(Math.round(point.x)), String(Math.round(point.y)), 'sleep', '0.05']);
  await xdotool(display, 'mousemove', String(Math.round(from.x)), String(Math.round(from.y)), 'mousedown', '1', ...moves, 'mouseup', '1');
}

/**
 * Gives the X keyboard focus to the browser's main window, as a window manager does for the
 * active window. Xvfb runs no window manager: without this, keys go to whatever window is under
 * the pointer, and Firefox's popup windows (the toolbar popup) drop keys sent to them directly;
 * Firefox routes keys from its main window to the open popup, as on a desktop.
 * Returns the window's id.
 */
export async function focusMainWindow(display: string, windowId?: string): Promise<string> {
  let id = windowId;
  if (!id) {
    const { stdout } = await xdotool(display, 'search', '--sync', '--onlyvisible', '--class', 'firefox');
    const ids = stdout.trim().split('\n').filter(Boolean);
    let largest = 0;
    for (const candidate of ids) {
      const geometry = (await xdotool(display, 'getwindowgeometry', candidate)).stdout;
      const [, width, height] = /Geometry: (\d+)x(\d+)/.exec(geometry) ?? [];
      if (Number(width) * Number(height) > largest) [largest, id] = [Number(width) * Number(height), candidate];
    }
    if (!id) throw new Error('no Firefox window on the X display');
  }
  await xdotool(display, 'windowfocus', '--sync', id);
  return id;
}
