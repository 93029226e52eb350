import { describe, it, expect } from 'vitest';
import { parseQuery, tryParseQuery } from './parse-query';

const reason = (input: string) => {
  const result = tryParseQuery(input);
  return result.ok ? 'accepted' : result.error.reason;
};

describe('parseQuery: IP addresses', () => {
  it('makes an IP query with the reverse name (RFC 1035 §3.5)', () => {
    expect(parseQuery('192.0.2.1')).toEqual({
      kind: 'ip',
      input: '192.0.2.1',
      name: '192.0.2.1',
      display: '192.0.2.1',
      family: 4,
      ptrName: '1.2.0.192.in-addr.arpa',
    });
  });

  it.each([
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['::FFFF:C000:201', '::ffff:192.0.2.1'],
    ['2001:db8::', '2001:db8::'],
    ['  192.0.2.1.  ', '192.0.2.1'], // end of a sentence
    ['[192.0.2.1]', '192.0.2.1'],
  ])('writes %j as %s (RFC 5952)', (input, name) => {
    expect(parseQuery(input).name).toBe(name);
  });

  it('builds the IPv6 reverse name in nibbles (RFC 3596 §2.5)', () => {
    expect(parseQuery('2001:db8::1').ptrName).toBe('1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa');
  });

  it.each([
    ['192.0.2.256', 'bad-ip', /256 is more than 255/],
    ['192.0.02.1', 'bad-ip', /leading zero.*octal/],
    ['2001:db8:::1', 'bad-ip', /three colons/],
    ['1::2::3', 'bad-ip', /"::" more than once/],
    ['12345::1', 'bad-ip', /more than four hex digits/],
    ['1:2:3:4:5:6:7:8:9', 'bad-ip', /more than eight groups/],
    ['fe80::1%eth0', 'ip-zone-id', /fe80::1\./],
    ['[fe80::1%eth0]', 'ip-zone-id', /without it/],
    ['[1.2.3]', 'bad-ip', /square brackets/],
  ])('rejects %j (%s) and says why', (input, why, message) => {
    const result = tryParseQuery(input);
    expect(result.ok ? 'accepted' : result.error.reason).toBe(why);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('never reads the legacy forms that inet_aton and the URL parser accept', () => {
    for (const input of ['0x7f000001', '017700000001', '127.1', '0x7f.0.0.1', '2130706433']) {
      expect(reason(input), input).not.toBe('accepted');
    }
  });
});
