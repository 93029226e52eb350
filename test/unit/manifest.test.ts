import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROVIDERS } from '../../src/core/doh/providers';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  manifest_version: number;
  permissions: string[];
  host_permissions: string[];
};

describe('manifest.json', () => {
  it('is Manifest V3', () => {
    expect(manifest.manifest_version).toBe(3);
  });
  it('asks at install for exactly the built-in resolvers origins, never <all_urls>', () => {
    const origins = BUILT_IN_PROVIDERS.map((p) => `${new URL(p.url).origin}/*`).sort();
    expect([...manifest.host_permissions].sort()).toEqual(origins);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });
});
