import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { settingsChange } from './settings-change';

describe('settingsChange', () => {
  it('is only the fields the page changed, lists and the resolver compared by value', () => {
    const shown = { ...DEFAULT_SETTINGS, dkimSelectors: ['s1'], resolver: { id: 'custom' as const, customUrl: 'https://dns.example/dns-query' } };
    expect(settingsChange(shown, { ...shown, ptr: !shown.ptr })).toEqual({ ptr: !shown.ptr });
    expect(settingsChange(shown, { ...shown, dkimSelectors: ['s1'], resolver: { ...shown.resolver } })).toEqual({});
    expect(settingsChange(shown, { ...shown, dkimSelectors: ['s1', 's2'], theme: 'dark' })).toEqual({ dkimSelectors: ['s1', 's2'], theme: 'dark' });
  });
});
