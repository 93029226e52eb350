// The build with the paint probe in popup.html: a copy of a build directory (dist/chromium, or
// the build before a change, bench/browser/builds.ts) in a temporary folder whose popup.html
// loads `bench-paint-probe.js` (a classic script, so it runs before the module popup.js) first
// thing in its head, plus `bench-driver.html`, an empty extension page from which the memory
// benchmark opens lookup ports (an MXray page would add its own listeners: the options page hears
// every storage change), and the 80-line lookup (plain-lookup/), loaded as an extension page so
// its host permissions and resolver mapping are the extension's own. Nothing else differs; the
// copy is checked to be so.
// Why a copy and not DevTools: the toolbar popup can be caught before it runs only by pausing it
// (auto-attach with waitForDebuggerOnStart), and enabling the Page domain on it then took
// 140-500 ms on this machine, inside the very interval being measured.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_DIR, requireBuiltExtension } from '../../test/e2e/harness/paths';
import { PAINT_PROBE_SOURCE } from './paint-probe';

export const PROBE_FILE = 'bench-paint-probe.js';
export const DRIVER_PAGE = 'bench-driver.html';
/** The 80-line lookup's page and script, copied from bench/browser/plain-lookup/. */
export const PLAIN_LOOKUP_PAGE = 'plain-lookup.html';
const PLAIN_LOOKUP_FILES = [PLAIN_LOOKUP_PAGE, 'plain-lookup.js'];
const PLAIN_LOOKUP_DIR = join(dirname(fileURLToPath(import.meta.url)), 'plain-lookup');
/** The page's charset tag, however the formatter writes it (`<meta charset="utf-8" />`). */
const ANCHOR = /<meta charset="utf-8"\s*\/?>/i;

export interface ProbedExtension {
  dir: string;
  remove(): Promise<void>;
}

/** Copies `buildDir` (an unpacked Chromium build; default dist/chromium) with the probe added. */
export async function copyWithPaintProbe(buildDir: string = EXTENSION_DIR): Promise<ProbedExtension> {
  if (buildDir === EXTENSION_DIR) requireBuiltExtension();
  else if (!existsSync(join(buildDir, 'manifest.json'))) throw new Error(`No built extension at ${buildDir} (no manifest.json).`);
  const dir = await mkdtemp(join(tmpdir(), 'mxray-bench-extension-'));
  await cp(buildDir, dir, { recursive: true });
  const html = await readFile(join(dir, 'popup.html'), 'utf8');
  if (!ANCHOR.test(html)) throw new Error(`${buildDir}/popup.html has no <meta charset="utf-8"> to put the probe after`);
  await writeFile(
    join(dir, 'popup.html'),
    html.replace(ANCHOR, (tag) => `${tag}\n  <script src="${PROBE_FILE}"></script>`),
  );
  await writeFile(join(dir, PROBE_FILE), PAINT_PROBE_SOURCE);
  await writeFile(
    join(dir, DRIVER_PAGE),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>MXray bench driver</title></head><body></body></html>\n',
  );
  for (const file of PLAIN_LOOKUP_FILES) await cp(join(PLAIN_LOOKUP_DIR, file), join(dir, file));
  const added = 2 + PLAIN_LOOKUP_FILES.length;
  const [built, copied] = await Promise.all([readdir(buildDir, { recursive: true }), readdir(dir, { recursive: true })]);
  if (copied.length !== built.length + added) throw new Error(`the probed copy of ${buildDir} has ${copied.length} files, expected ${built.length + added}`);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
