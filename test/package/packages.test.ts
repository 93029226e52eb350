/**
 * Store readiness: both builds exist, Firefox's passes `web-ext lint` with no errors and no
 * warnings, and `scripts/package.mjs` is reproducible (same input, same zip bytes).
 * Runs after `npm test`'s build (pretest); it zips the existing build without rebuilding.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const path = (relative: string) => new URL(relative, root).pathname;
const { version } = JSON.parse(readFileSync(path('package.json'), 'utf8')) as { version: string };

function requireBuild(): void {
  if (!existsSync(path('dist/firefox/manifest.json')) || !existsSync(path('dist/chromium/manifest.json'))) {
    throw new Error('dist/chromium and dist/firefox are missing: run `npm run build` (npm test does it first)');
  }
}

describe('store packages', () => {
  it('Firefox build passes web-ext lint with 0 errors and 0 warnings', async () => {
    requireBuild();
    const { stdout } = await run(
      path('node_modules/.bin/web-ext'),
      ['lint', '--source-dir', path('dist/firefox'), '--output', 'json', '--no-config-discovery'],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as { summary: { errors: number; warnings: number }; errors: { code: string }[]; warnings: { code: string }[] };
    expect({ errors: report.errors.map((e) => e.code), warnings: report.warnings.map((w) => w.code) }).toEqual({ errors: [], warnings: [] });
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('zips both builds and the sources reproducibly', async () => {
    requireBuild();
    const names = ['chromium', 'firefox', 'source'].map((t) => path(`dist/mxray-${t}-${version}.zip`));
    const hashes = async () => {
      await run(process.execPath, [path('scripts/package.mjs')]);
      return names.map((n) => createHash('sha256').update(readFileSync(n)).digest('hex'));
    };
    const first = await hashes();
    const second = await hashes();
    expect(second).toEqual(first);
  }, 60_000);

  it('gives each browser the manifest keys it understands', () => {
    requireBuild();
    const chromium = JSON.parse(readFileSync(path('dist/chromium/manifest.json'), 'utf8'));
    const firefox = JSON.parse(readFileSync(path('dist/firefox/manifest.json'), 'utf8'));
    expect(chromium.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(chromium.browser_specific_settings).toBeUndefined();
    expect(firefox.background).toEqual({ scripts: ['background.js'], type: 'module' });
    expect(firefox.browser_specific_settings.gecko).toEqual({
      id: 'mxray@mxray.dev',
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['none'] },
    });
    for (const manifest of [chromium, firefox]) {
      expect(manifest.version).toBe(version);
      expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'activeTab', 'scripting', 'alarms']);
    }
  });
});
