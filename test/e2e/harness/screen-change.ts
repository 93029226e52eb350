// Seeing browser UI that no protocol reports: Chromium's permission prompt is drawn over the
// tab inside the browser window (no DevTools target, no X window of its own, no page event), so
// the only way to know it is up is to look at the screen. Xvfb started with `-fbdir DIR` keeps
// its frame buffer in DIR/Xvfb_screen0 (XWD); this compares a rectangle of it over time.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The pixels of `rect` (raw frame buffer bytes, row after row). */
export async function readScreenRect(fbdir: string, rect: ScreenRect): Promise<Buffer> {
  const file = await readFile(join(fbdir, 'Xvfb_screen0'));
  const field = (index: number) => file.readUInt32BE(index * 4);
  const [headerSize, version, format] = [field(0), field(1), field(2)];
  const bitsPerPixel = field(11);
  if (version !== 7 || format !== 2 || bitsPerPixel % 8 !== 0)
    throw new Error(`unexpected XWD frame buffer (version ${version}, format ${format}, ${bitsPerPixel} bpp)`);
  const bytesPerPixel = bitsPerPixel / 8;
  const bytesPerLine = field(12);
  const start = headerSize + field(19) * 12;
  const rows: Buffer[] = [];
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    const offset = start + y * bytesPerLine + rect.x * bytesPerPixel;
    rows.push(file.subarray(offset, offset + rect.width * bytesPerPixel));
  }
  return Buffer.concat(rows);
}

/** The share of 4-byte pixels that differ between two reads of the same rectangle. */
function changedShare(a: Buffer, b: Buffer): number {
  let changed = 0;
  const pixels = Math.min(a.length, b.length) >> 2;
  for (let i = 0; i < pixels; i++) if (a.readUInt32LE(i * 4) !== b.readUInt32LE(i * 4)) changed++;
  return pixels === 0 ? 0 : changed / pixels;
}

/**
 * Waits until at least `minShare` of `rect`'s pixels differ from `before` (something was drawn
 * over it), then until two reads 100 ms apart agree (it finished drawing). Returns false after
 * `timeoutMs` without a change.
 */
export async function waitForScreenChange(fbdir: string, rect: ScreenRect, before: Buffer, { minShare = 0.02, timeoutMs = 5_000 } = {}): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let last: Buffer | undefined;
  while (Date.now() < deadline) {
    const now = await readScreenRect(fbdir, rect);
    if (changedShare(before, now) >= minShare) {
      if (last && last.equals(now)) return true;
      last = now;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
