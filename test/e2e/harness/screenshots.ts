// PNGs of what a person sees, for review and for the docs (test-results/ is not committed; the
// lead copies the good ones to docs/).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './paths';

export async function saveScreenshot(target: Page | Locator, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await target.screenshot({ path, animations: 'disabled' });
  return path;
}
