// Store packages: dist/mxray-chromium-<version>.zip and dist/mxray-firefox-<version>.zip from
// the builds, and dist/mxray-source-<version>.zip (the tracked sources, for AMO reviewers, who
// ask for the code behind minified bundles). Reproducible: files in sorted order, one fixed
// timestamp, fixed compression, so the same input gives the same bytes.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** 1980-01-01, the earliest time a zip can hold: no build time leaks into the package. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile());
}

function zip(files, base, out) {
  const entries = {};
  for (const path of [...files].sort()) {
    entries[relative(base, path).split(sep).join('/')] = [readFileSync(path), { mtime: FIXED_TIME, level: 9 }];
  }
  const bytes = zipSync(entries);
  writeFileSync(out, bytes);
  console.log(`${relative(root, out)}  ${(bytes.byteLength / 1024).toFixed(1)} KB, ${files.length} files`);
}

for (const target of ['chromium', 'firefox']) {
  const dir = join(root, 'dist', target);
  zip(filesUnder(dir), dir, join(root, 'dist', `mxray-${target}-${version}.zip`));
}

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
zip(
  tracked.map((path) => join(root, path)),
  root,
  join(root, 'dist', `mxray-source-${version}.zip`),
);
