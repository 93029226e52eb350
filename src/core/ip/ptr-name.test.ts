import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildPtrName, parsePtrName } from './ptr-name';
import { formatIpBytes } from './parse-ip';

const RUNS = { numRuns: 10_000 };

describe('buildPtrName', () => {
  it('reverses the octets under in-addr.arpa (RFC 1035 §3.5)', () => {
    expect(buildPtrName('192.0.2.25')).toBe('25.2.0.192.in-addr.arpa');
  });

  it('writes 32 nibbles, least significant first, under ip6.arpa (RFC 3596 §2.5)', () => {
    expect(buildPtrName('2001:db8::567:89ab')).toBe('b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa');
  });

  it('uses the IPv6 nibbles for an IPv4-mapped address (it is an IPv6 address)', () => {
    expect(buildPtrName('::ffff:192.0.2.1')).toMatch(/^1\.0\.2\.0\.0\.0\.0\.c\.f\.f\.f\.f\.(0\.){20}ip6\.arpa$/);
  });

  it('throws on text that is not an address (callers validate first)', () => {
    expect(() => buildPtrName('example.com')).toThrow(RangeError);
  });
});

describe('parsePtrName', () => {
  it.each([
    ['25.2.0.192.in-addr.arpa', '192.0.2.25'],
    ['25.2.0.192.IN-ADDR.ARPA.', '192.0.2.25'], // RFC 4343: case-insensitive; trailing dot
    ['1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.B.D.0.1.0.0.2.ip6.arpa', '2001:db8::1'],
  ])('reads %s as %s', (name, ip) => {
    expect(parsePtrName(name)).toBe(ip);
  });

  it.each([
    ['2.0.192.in-addr.arpa', 'a partial (zone) name'],
    ['0/25.2.0.192.in-addr.arpa', 'an RFC 2317 classless name'],
    ['25.2.0.192.168.in-addr.arpa', 'five octets'],
    ['025.2.0.192.in-addr.arpa', 'a leading zero, a different DNS name'],
    ['256.2.0.192.in-addr.arpa', 'an octet above 255'],
    ['1.0.ip6.arpa', 'too few nibbles'],
    [`${'10.'.repeat(16)}ip6.arpa`, 'two-digit labels'],
    ['example.com', 'not a reverse name'],
    ['in-addr.arpa', 'just the suffix'],
  ])('returns undefined for %s (%s)', (name) => {
    expect(parsePtrName(name)).toBeUndefined();
  });

  it('inverts buildPtrName for every IPv4 address', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (bytes) => {
        const ip = formatIpBytes(bytes);
        expect(parsePtrName(buildPtrName(ip))).toBe(ip);
      }),
      RUNS,
    );
  });

  it('inverts buildPtrName for every IPv6 address', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const ip = formatIpBytes(bytes);
        expect(parsePtrName(buildPtrName(ip))).toBe(ip);
      }),
      RUNS,
    );
  });

  it('inverts buildPtrName for addresses written any RFC 4291 way, giving canonical text', () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const name = buildPtrName(text);
        expect(name).toMatch(/^([0-9a-f]\.){32}ip6\.arpa$/);
        expect(buildPtrName(parsePtrName(name)!)).toBe(name);
      }),
      RUNS,
    );
  });
});
