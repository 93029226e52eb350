import { describe, expect, it } from 'vitest';
import { BLOCKLISTS, blocklistUrl } from './blocklist-table';

describe('the blocklist table', () => {
  it('has unique ids, names and zones', () => {
    for (const key of ['id', 'name', 'zone'] as const) expect(new Set(BLOCKLISTS.map((entry) => entry[key])).size).toBe(BLOCKLISTS.length);
  });

  it('writes zones as lower-case host names without trailing dot', () => {
    for (const entry of BLOCKLISTS) expect(entry.zone).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it('leaves out SORBS, which shut down', () => {
    expect(BLOCKLISTS.some((entry) => entry.zone.includes('sorbs'))).toBe(false);
  });

  it('documents listing codes in 127.0.0.0/8 and error codes in 127.255.255.0/24 only', () => {
    for (const entry of BLOCKLISTS) {
      for (const code of Object.keys(entry.codes)) expect(code, entry.id).toMatch(/^127\.0\.\d{1,3}\.\d{1,3}$/);
      for (const code of Object.keys(entry.errorCodes ?? {})) expect(code, entry.id).toMatch(/^127\.255\.255\.\d{1,3}$/);
    }
  });

  it('has an https lookup page for every list', () => {
    for (const entry of BLOCKLISTS) expect(new URL(blocklistUrl(entry.url, '192.0.2.1')).protocol).toBe('https:');
  });

  it('puts the address into lookup pages that take one', () => {
    expect(blocklistUrl('https://www.spamcop.net/bl.shtml?{ip}', '192.0.2.1')).toBe('https://www.spamcop.net/bl.shtml?192.0.2.1');
    expect(blocklistUrl('https://check.spamhaus.org/', '192.0.2.1')).toBe('https://check.spamhaus.org/');
  });

  it('reads Spamhaus ZEN codes as Spamhaus documents them', () => {
    const zen = BLOCKLISTS.find((entry) => entry.id === 'spamhaus-zen')!;
    expect(zen.ipv6).toBe(true);
    expect(Object.fromEntries(Object.entries(zen.codes).map(([code, { label }]) => [code, label]))).toMatchObject({
      '127.0.0.2': 'SBL',
      '127.0.0.3': 'CSS',
      '127.0.0.4': 'XBL',
      '127.0.0.9': 'DROP',
      '127.0.0.10': 'PBL',
      '127.0.0.11': 'PBL',
    });
    expect(zen.errorCodes?.['127.255.255.254']).toContain('public or open resolver');
  });
});
