import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPtrName } from '../../core/ip/ptr-name';
import { parseIp } from '../../core/ip/parse-ip';
import { reverseName } from './reverse-name';

describe('reverseName', () => {
  it('builds in-addr.arpa names (RFC 1035 §3.5) and ip6.arpa nibbles (RFC 3596 §2.5)', () => {
    expect(reverseName('192.0.2.25')).toBe('25.2.0.192.in-addr.arpa');
    expect(reverseName('2001:db8::1')).toBe('1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa');
    expect(reverseName('::ffff:192.0.2.1')).toBe(buildPtrName('::ffff:192.0.2.1'));
    expect(reverseName('::')).toBe(buildPtrName('::'));
  });

  it('agrees with the core builder on every canonical address the report can hold', () => {
    const canonical = fc
      .oneof(fc.ipV4(), fc.ipV6())
      .map((ip) => parseIp(ip)?.ip)
      .filter((ip): ip is string => ip !== undefined);
    fc.assert(
      fc.property(canonical, (ip) => reverseName(ip) === buildPtrName(ip)),
      { numRuns: 2000 },
    );
  });
});
