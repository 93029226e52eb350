// Where the end-to-end tests find the built extension and the browser, and where they write.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The unpacked build `npm run build` writes (MXRAY_EXTENSION_DIR points elsewhere, for debugging). */
export const EXTENSION_DIR = process.env.MXRAY_EXTENSION_DIR ?? join(REPO_ROOT, 'dist/chromium');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results/screenshots');
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');
/** Debian's Chromium: the browser MXray's users run, never a downloaded build. */
export const CHROMIUM = process.env.MXRAY_CHROMIUM ?? '/usr/bin/chromium';

/** Fails (never skips) when something the suite needs is missing, saying how to get it. */
export function requireBuiltExtension(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first (\`npm test\` does it for you).`);
  }
}

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's with \`apt-get install -y chromium\` (the tests never download a browser).`);
  }
}
