import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseIp, formatIpBytes, parseIpBytes } from './parse-ip';

const RUNS = { numRuns: 10_000 };

/** What the WHATWG URL parser (the browser's own) calls this IPv6 address, without brackets. */
function urlCanonicalIpv6(text: string): string {
  return new URL(`http://[${text}]/`).hostname.slice(1, -1);
}

describe('parseIp: IPv4 (strict dotted quad)', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['10.0.0.10', '10.0.0.10'],
  ])('accepts four numbers 0-255: %s', (text, ip) => {
    expect(parseIp(text)).toEqual({ ip, family: 4 });
  });

  it.each([
    ['192.0.2.256', 'a number above 255'],
    ['1.2.3', 'three numbers'],
    ['1.2.3.4.5', 'five numbers'],
    ['192.0.02.1', 'a leading zero (octal to inet_aton)'],
    ['0x7f.0.0.1', 'hex (a legacy inet_aton form)'],
    ['127.1', 'the two-part legacy form'],
    ['2130706433', 'a bare 32-bit number'],
    ['1.2.3.4.', 'a trailing dot'],
    ['1..2.3', 'an empty part'],
    [' 1.2.3.4', 'leading space'],
    ['１.２.３.４', 'fullwidth digits'],
    ['+1.2.3.4', 'a sign'],
  ])('rejects %s (%s)', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });

  it('reads back every address it prints', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)), (octets) => {
        const text = octets.join('.');
        expect(parseIp(text)).toEqual({ ip: text, family: 4 });
      }),
      RUNS,
    );
  });

  it('accepts a legacy form only when it is already the strict form, and then agrees with the URL parser', () => {
    fc.assert(
      fc.property(fc.ipV4Extended(), (text) => {
        const parsed = parseIp(text);
        const strict = /^(?:(?:0|[1-9]\d{0,2})\.){3}(?:0|[1-9]\d{0,2})$/.test(text);
        if (!strict) expect(parsed).toBeUndefined();
        else expect(parsed?.ip).toBe(new URL(`http://${text}/`).hostname);
      }),
      RUNS,
    );
  });
});

describe('parseIp: IPv6 (RFC 4291 §2.2 in, RFC 5952 out)', () => {
  it.each([
    ['2001:db8::1', '2001:db8::1'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // RFC 5952 §4.2.3: first of equal runs
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'], // RFC 5952 §4.2.3: longest run
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // RFC 5952 §4.2.2: a single 0 stays
    ['2001:db8::0:1', '2001:db8::1'],
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::2:3:4:5:6:7:8', '0:2:3:4:5:6:7:8'],
    ['FE80::ABCD', 'fe80::abcd'], // RFC 5952 §4.3: lower case
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'], // RFC 5952 §5: mapped keeps dotted form
    ['::ffff:c000:201', '::ffff:192.0.2.1'],
    ['0:0:0:0:0:ffff:c000:0201', '::ffff:192.0.2.1'],
    ['::192.0.2.1', '::c000:201'],
    ['64:ff9b::192.0.2.1', '64:ff9b::c000:201'],
  ])('writes %s as %s', (text, ip) => {
    expect(parseIp(text)).toEqual({ ip, family: 6 });
  });

  it.each([
    ['1:2:3:4:5:6:7:8:9', 'nine groups'],
    ['1:2:3:4:5:6:7', 'seven groups and no ::'],
    ['1:2:3:4::5:6:7:8', ':: standing for no group'],
    ['1::2::3', 'two ::'],
    ['12345::', 'a five-digit group'],
    [':1::', 'a lone leading colon'],
    ['1::2:', 'a lone trailing colon'],
    ['::ffff:192.0.2.256', 'a bad embedded IPv4'],
    ['::ffff:192.0.02.1', 'a leading zero in the embedded IPv4'],
    ['1.2.3.4::', 'IPv4 not at the end'],
    ['fe80::1%eth0', 'a zone'],
    ['[2001:db8::1]', 'brackets'],
    ['2001:db8::/32', 'a prefix length'],
    ['g::1', 'a non-hex digit'],
    [':::', 'three colons'],
  ])('rejects %s (%s)', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });

  it('agrees with the URL parser except for the dotted IPv4-mapped form', () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const parsed = parseIp(text);
        expect(parsed?.family).toBe(6);
        const ours = parsed!.ip;
        const theirs = urlCanonicalIpv6(text);
        if (ours.startsWith('::ffff:') && ours.includes('.')) expect(parseIp(theirs)?.ip).toBe(ours);
        else expect(ours).toBe(theirs);
        expect(parseIp(ours)?.ip).toBe(ours); // canonical text is a fixed point
      }),
      RUNS,
    );
  });

  it('round-trips any 16 bytes through canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        expect(parseIpBytes(formatIpBytes(bytes))?.bytes).toEqual(bytes);
      }),
      RUNS,
    );
  });

  it('never throws, whatever the text', () => {
    const ipish = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.%[]/ '), maxLength: 50 });
    fc.assert(
      fc.property(fc.oneof(fc.string(), ipish), (text) => {
        const parsed = parseIp(text);
        if (parsed) expect(parseIp(parsed.ip)).toEqual(parsed);
      }),
      RUNS,
    );
  });
});
