// Renders the toolbar and store icons from SVG with Debian's Chromium (playwright-core drives
// it; no browser is downloaded):
//   icons/mxray.svg        -> icons/icon-32.png, icon-48.png, icon-128.png
//   icons/mxray-small.svg  -> icons/icon-16.png (drawn on the 16 px grid, so it stays crisp)
// Run after editing an SVG: `node scripts/make-icons.mjs`, then commit the PNGs (the build
// copies icons/ without the SVGs). `--preview FILE.png` also writes a sheet of every size at
// 1x and 8x (pixelated) on a light and a dark toolbar colour, to look at what a person sees.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Which drawing each size is rendered from. */
const SIZES = [
  { size: 16, svg: 'icons/mxray-small.svg' },
  { size: 32, svg: 'icons/mxray.svg' },
  { size: 48, svg: 'icons/mxray.svg' },
  // Chrome's guideline for the 128 px image: artwork smaller than the square, transparent around it.
  { size: 128, svg: 'icons/mxray.svg', inset: 6 },
];

const svgDataUrl = (path) => `data:image/svg+xml;base64,${readFileSync(join(root, path)).toString('base64')}`;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-color-profile=srgb', '--font-render-hinting=none'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { size, svg, inset = 0 } of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">` +
        `<img id="icon" alt="" width="${size - 2 * inset}" height="${size - 2 * inset}" style="display:block;margin:${inset}px" src="${svgDataUrl(svg)}">` +
        `</body></html>`,
    );
    await page.locator('#icon').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(root, `icons/icon-${size}.png`), png);
    console.log(`icons/icon-${size}.png from ${svg}`);
  }

  const previewIndex = process.argv.indexOf('--preview');
  if (previewIndex !== -1) {
    const out = process.argv[previewIndex + 1] ?? 'icons-preview.png';
    await page.setViewportSize({ width: 1200, height: 720 });
    await page.setContent(previewHtml());
    await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
    await page.screenshot({ path: out, fullPage: true });
    console.log(`preview: ${out}`);
  }
} finally {
  await browser.close();
}

/** Every PNG at 1x and 8x on Chrome's light and dark toolbar colours. */
function previewHtml() {
  const png = (size) => `data:image/png;base64,${readFileSync(join(root, `icons/icon-${size}.png`)).toString('base64')}`;
  const row = (background) =>
    `<div style="background:${background};padding:12px;display:flex;gap:16px;align-items:flex-end">` +
    SIZES.map(({ size }) => `<img src="${png(size)}" width="${size}" height="${size}">`).join('') +
    SIZES.filter(({ size }) => size <= 32)
      .map(({ size }) => `<img src="${png(size)}" width="${size * 8}" height="${size * 8}" style="image-rendering:pixelated">`)
      .join('') +
    `</div>`;
  return `<!doctype html><html><body style="margin:0">${row('#f1f3f4')}${row('#35363a')}${row('#202124')}</body></html>`;
}
