import { describe, expect, it } from 'vitest';
import { asHandle, asLabel, networkText } from './network-text';

describe('networkText', () => {
  it('writes AS, handle, prefix and country', () => {
    expect(networkText({ status: 'ok', number: 64500, name: 'EXAMPLE-NET-A - Example Networks A, DE', prefix: '192.0.2.0/24', country: 'DE' })).toBe(
      'AS64500 EXAMPLE-NET-A · 192.0.2.0/24 · DE',
    );
    expect(networkText({ status: 'ok', number: 64500 })).toBe('AS64500');
  });
  it('names every origin of a prefix announced by several', () => {
    expect(asLabel({ status: 'ok', number: 64502, origins: [64502, 64503] })).toBe('AS64502 (+AS64503)');
  });
  it('says what is missing in words, and nothing when the lookups were off', () => {
    expect(['pending', 'none', 'unreadable', 'error', 'skipped'].map((status) => networkText({ status: status as 'none' }))).toEqual([
      'looking up…',
      'not announced',
      'unreadable answer',
      'lookup failed',
      'not public',
    ]);
    expect(networkText(undefined)).toBe('');
  });
  it('keeps a name without " - " whole', () => {
    expect(asHandle('CLOUDFLARENET')).toBe('CLOUDFLARENET');
  });
});
