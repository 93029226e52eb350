import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_DKIM_SELECTORS, migrateSettings, normaliseSelector } from './settings';

describe('migrateSettings', () => {
  it('gives the defaults for nothing stored or garbage', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('x')).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ resolver: { id: 'evil' }, theme: 'pink', timeoutMs: 1e9 })).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid choices', () => {
    const custom = {
      ...DEFAULT_SETTINGS,
      resolver: { id: 'custom' as const, customUrl: 'https://dns.example/dns-query', customFormat: 'wire' as const },
      fallback: false,
      ptr: false,
      theme: 'dark' as const,
    };
    expect(migrateSettings(custom)).toEqual(custom);
  });
  it('drops a custom resolver without a URL back to the default', () => {
    expect(migrateSettings({ resolver: { id: 'custom' } }).resolver).toEqual({ id: 'cloudflare' });
  });
});

describe('mail diagnostics settings', () => {
  it('has the diagnostics on and the blocklists off by default (they tell the list operators)', () => {
    expect(DEFAULT_SETTINGS.diagnostics).toBe(true);
    expect(DEFAULT_SETTINGS.blocklists).toBe(false);
    expect(DEFAULT_SETTINGS.dkimSelectors).toEqual([]);
  });
  it('keeps valid selectors, normalised and deduplicated, and drops the rest', () => {
    const settings = migrateSettings({ dkimSelectors: [' S1 ', 's1', 'k1.sub', '<b>x</b>', 42, '', 'a'.repeat(300)] });
    expect(settings.dkimSelectors).toEqual(['s1', 'k1.sub']);
    expect(migrateSettings({ dkimSelectors: 'x' }).dkimSelectors).toEqual([]);
  });
  it('caps the selectors', () => {
    const many = Array.from({ length: 50 }, (_, i) => `sel${i}`);
    expect(migrateSettings({ dkimSelectors: many }).dkimSelectors).toHaveLength(MAX_DKIM_SELECTORS);
  });
  it('reads a selector as DNS labels only', () => {
    expect(normaliseSelector('Selector1.')).toBe('selector1');
    expect(normaliseSelector('2048-key')).toBe('2048-key');
    expect(normaliseSelector('a b')).toBeUndefined();
    expect(normaliseSelector('-x')).toBeUndefined();
    expect(normaliseSelector('x..y')).toBeUndefined();
  });
});

describe('the popup’s copy of the selector cap', () => {
  it('equals the core’s', async () => {
    const { MAX_SELECTORS } = await import('../platform/dkim-selector-cap');
    expect(MAX_SELECTORS).toBe(MAX_DKIM_SELECTORS);
  });
});

describe('network lookups setting (issue #17)', () => {
  it('is on by default, kept when stored, and a broken value falls back to on', () => {
    expect(DEFAULT_SETTINGS.asn).toBe(true);
    expect(migrateSettings({ asn: false }).asn).toBe(false);
    expect(migrateSettings({ asn: 'no' }).asn).toBe(true);
    expect(migrateSettings({}).asn).toBe(true);
  });
});
