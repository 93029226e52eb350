/**
 * Issue #16, section 6: least privilege, checked on what ships. The built manifests ask for no
 * permission, host or optional host that docs/publishing.md does not justify; the CSP allows
 * no inline and no remote script (nor do the built pages use any); the store zips carry no
 * source maps and no test files. Runs on the existing build and zips them (scripts/package.mjs).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const path = (relative: string) => new URL(relative, root).pathname;
const { version } = JSON.parse(readFileSync(path('package.json'), 'utf8')) as { version: string };
const TARGETS = ['chromium', 'firefox'] as const;

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  content_security_policy?: { extension_pages?: string; sandbox?: string };
}

const manifests = Object.fromEntries(TARGETS.map((t) => [t, () => JSON.parse(readFileSync(path(`dist/${t}/manifest.json`), 'utf8')) as Manifest]));

/** Every `backticked` token of the "Permission justifications" item of docs/publishing.md. */
function justified(): Set<string> {
  const doc = readFileSync(path('docs/publishing.md'), 'utf8');
  const start = doc.indexOf('Permission justifications');
  const end = doc.indexOf('\n4. ', start);
  if (start < 0 || end < 0) throw new Error('docs/publishing.md has no "Permission justifications" list');
  return new Set([...doc.slice(start, end).matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

/** `https://dns.google/*` is justified by `dns.google`; a wildcard pattern only by itself. */
function isJustified(entry: string, names: Set<string>): boolean {
  if (names.has(entry)) return true;
  const host = /^https:\/\/([a-z0-9.-]+)\/\*$/.exec(entry)?.[1];
  return host !== undefined && names.has(host);
}

beforeAll(async () => {
  if (!existsSync(path('dist/chromium/manifest.json')) || !existsSync(path('dist/firefox/manifest.json'))) {
    throw new Error('dist/chromium and dist/firefox are missing: run `npm run build`');
  }
  await promisify(execFile)(process.execPath, [path('scripts/package.mjs')]);
}, 60_000);

describe.each(TARGETS)('the %s build', (target) => {
  it('asks for nothing docs/publishing.md does not justify, and never for <all_urls>', () => {
    const manifest = manifests[target]!();
    const names = justified();
    const asked = [
      ...(manifest.permissions ?? []),
      ...(manifest.optional_permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
    ];
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((entry) => !isJustified(entry, names))).toEqual([]);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"\*:\/\/\*\/\*"|http:\/\//);
    // Nothing runs in pages unasked: the panel is injected after a click (activeTab + scripting).
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('keeps the CSP strict: script from the extension only, no unsafe-inline or eval, no remote script', () => {
    const csp = manifests[target]!().content_security_policy?.extension_pages ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!, values]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*|data:|blob:/);
    for (const page of readdirSync(path(`dist/${target}`)).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path(`dist/${target}/${page}`), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      for (const [, attributes, body] of scripts) {
        expect(body!.trim(), `${page}: inline script`).toBe('');
        expect(attributes, `${page}: script from elsewhere`).not.toMatch(/src\s*=\s*["']?(https?:)?\/\//i);
      }
      expect(html, `${page}: inline event handler`).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });

  it('ships a store zip with no source maps and no test files', () => {
    const files = Object.keys(unzipSync(readFileSync(path(`dist/mxray-${target}-${version}.zip`))));
    expect(files).toContain('manifest.json');
    expect(files.filter((f) => /\.map$|sourceMappingURL/.test(f))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(test|tests|__tests__|testing)\/|\.(test|spec|e2e)\.|\.tsx?$/.test(f))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(path(`dist/${target}/${file}`), 'utf8'), file).not.toMatch(/sourceMappingURL/);
    }
  });
});
