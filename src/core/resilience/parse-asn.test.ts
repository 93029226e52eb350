import { describe, expect, it } from 'vitest';
import { asNameName, originName } from './asn-names';
import { siteNetwork, prefixContains } from './network-keys';
import { parseAsnNumber, parseOriginRecord, pickAsName, pickOrigin } from './parse-asn';

describe('IP-to-ASN question names', () => {
  it('reverses IPv4 octets under origin.asn.cymru.com and IPv6 nibbles under origin6', () => {
    expect(originName('192.0.2.25', 4)).toBe('25.2.0.192.origin.asn.cymru.com');
    expect(originName('2001:db8::25', 6)).toBe('5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.origin6.asn.cymru.com');
    expect(asNameName(64500)).toBe('as64500.asn.cymru.com');
  });
});

describe('parseOriginRecord', () => {
  it('reads "AS | prefix | CC | registry | date"', () => {
    expect(parseOriginRecord('64500 | 192.0.2.0/24 | DE | ripencc | 2003-05-08')).toEqual({
      origins: [64500],
      prefix: '192.0.2.0/24',
      country: 'DE',
      registry: 'ripencc',
      allocated: '2003-05-08',
    });
  });
  it('reads several origin ASes (MOAS) and keeps each once', () => {
    expect(parseOriginRecord('64500 64501 64500 | 192.0.2.0/24 | US | arin |')?.origins).toEqual([64500, 64501]);
  });
  it('leaves out empty or garbled fields rather than guessing', () => {
    expect(parseOriginRecord('64500 | 2001:DB8::/32 |  | | ')).toEqual({ origins: [64500], prefix: '2001:db8::/32' });
    expect(parseOriginRecord('64500 | 192.0.2.0/24 | Germany | ripe ncc | May 2003')).toEqual({ origins: [64500], prefix: '192.0.2.0/24' });
  });
  it('refuses records that are not origin records', () => {
    for (const text of [
      '',
      'v=spf1 -all',
      'NA | 192.0.2.0/24 | DE',
      '64500',
      '64500 | not-a-prefix | DE',
      '64500 | 192.0.2.0/33 |',
      '0 | 192.0.2.0/24 |',
      '99999999999 | 192.0.2.0/24 |',
      '64500 <b> | 192.0.2.0/24 |',
    ]) {
      expect(parseOriginRecord(text), text).toBeUndefined();
    }
  });
  it('accepts AS numbers written with an AS prefix, 32-bit ones too', () => {
    expect(parseAsnNumber('AS4200000000')).toBe(4_200_000_000);
    expect(parseAsnNumber('4294967295')).toBeUndefined();
  });
});

describe('pickOrigin', () => {
  it('takes the most specific prefix that contains the address', () => {
    const values = ['64500 | 192.0.0.0/16 | US | arin | 1990-01-01', '64501 | 192.0.2.0/24 | DE | ripencc | 2003-05-08'];
    expect(pickOrigin(values, '192.0.2.25')?.origins).toEqual([64501]);
  });
  it('ignores records whose prefix does not contain the address, and garbage', () => {
    expect(pickOrigin(['64500 | 198.51.100.0/24 | US | arin |', 'garbage'], '192.0.2.25')).toBeUndefined();
  });
});

describe('pickAsName', () => {
  it('reads "AS | CC | registry | date | name" for the AS asked about only', () => {
    expect(pickAsName(['64501 | US | arin | 2001-01-01 | OTHER', '64500 | DE | ripencc | 2003-05-08 | EXAMPLE-NET - Example Networks, DE'], 64500)).toEqual({
      asn: 64500,
      country: 'DE',
      registry: 'ripencc',
      allocated: '2003-05-08',
      name: 'EXAMPLE-NET - Example Networks, DE',
    });
    expect(pickAsName(['64501 | US | arin | 2001-01-01 | OTHER'], 64500)).toBeUndefined();
    expect(pickAsName(['64500 | DE'], 64500)).toBeUndefined();
  });
  it('cuts an absurdly long name', () => {
    expect(pickAsName([`64500 | DE | ripencc | 2003-05-08 | ${'x'.repeat(500)}`], 64500)?.name).toHaveLength(120);
  });
});

describe('network keys', () => {
  it('gives the /24 of an IPv4 address and the /48 of an IPv6 one', () => {
    expect(siteNetwork('192.0.2.25')).toBe('192.0.2.0/24');
    expect(siteNetwork('2001:db8:1:2::25')).toBe('2001:db8:1::/48');
    expect(siteNetwork('nope')).toBeUndefined();
  });
  it('tests prefix membership per family', () => {
    expect(prefixContains('192.0.2.0/25', '192.0.2.100')).toBe(true);
    expect(prefixContains('192.0.2.0/25', '192.0.2.200')).toBe(false);
    expect(prefixContains('2001:db8::/32', '2001:db8:ffff::1')).toBe(true);
    expect(prefixContains('2001:db8::/32', '192.0.2.1')).toBe(false);
  });
});
