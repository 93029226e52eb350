// The build with the paint probe in popup.html: a copy of dist/chromium in a temporary folder
// whose popup.html loads `bench-paint-probe.js` (a classic script, so it runs before the module
// popup.js) first thing in its head, plus `bench-driver.html`, an empty extension page from which
// the memory benchmark opens lookup ports (an MXray page would add its own listeners: the
// options page hears every storage change). Nothing else differs; the copy is checked to be so.
// Why a copy and not DevTools: the toolbar popup can be caught before it runs only by pausing it
// (auto-attach with waitForDebuggerOnStart), and enabling the Page domain on it then took
// 140-500 ms on this machine, inside the very interval being measured.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, requireBuiltExtension } from '../../test/e2e/harness/paths';
import { PAINT_PROBE_SOURCE } from './paint-probe';

export const PROBE_FILE = 'bench-paint-probe.js';
export const DRIVER_PAGE = 'bench-driver.html';
/** The page's charset tag, however the formatter writes it (`<meta charset="utf-8" />`). */
const ANCHOR = /<meta charset="utf-8"\s*\/?>/i;

export interface ProbedExtension {
  dir: string;
  remove(): Promise<void>;
}

export async function copyWithPaintProbe(): Promise<ProbedExtension> {
  requireBuiltExtension();
  const dir = await mkdtemp(join(tmpdir(), 'mxray-bench-extension-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const html = await readFile(join(dir, 'popup.html'), 'utf8');
  if (!ANCHOR.test(html)) throw new Error(`dist/chromium/popup.html has no <meta charset="utf-8"> to put the probe after`);
  await writeFile(
    join(dir, 'popup.html'),
    html.replace(ANCHOR, (tag) => `${tag}\n  <script src="${PROBE_FILE}"></script>`),
  );
  await writeFile(join(dir, PROBE_FILE), PAINT_PROBE_SOURCE);
  await writeFile(
    join(dir, DRIVER_PAGE),
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>MXray bench driver</title></head><body></body></html>\n',
  );
  const [built, copied] = await Promise.all([readdir(EXTENSION_DIR, { recursive: true }), readdir(dir, { recursive: true })]);
  if (copied.length !== built.length + 2) throw new Error(`the probed copy of ${EXTENSION_DIR} has ${copied.length} files, expected ${built.length + 2}`);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
