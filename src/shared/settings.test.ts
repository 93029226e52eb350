import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings } from './settings';

describe('migrateSettings', () => {
  it('gives the defaults for nothing stored or garbage', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('x')).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings({ resolver: { id: 'evil' }, theme: 'pink', timeoutMs: 1e9 })).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid choices', () => {
    const custom = { ...DEFAULT_SETTINGS, resolver: { id: 'custom' as const, customUrl: 'https://dns.example/dns-query', customFormat: 'wire' as const }, fallback: false, ptr: false, theme: 'dark' as const };
    expect(migrateSettings(custom)).toEqual(custom);
  });
  it('drops a custom resolver without a URL back to the default', () => {
    expect(migrateSettings({ resolver: { id: 'custom' } }).resolver).toEqual({ id: 'cloudflare' });
  });
});
