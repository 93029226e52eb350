import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { classifyAddress } from './classify-address';
import { SPECIAL_RANGES } from './special-ranges';
import { parseIpBytes } from './parse-ip';

describe('classifyAddress', () => {
  it.each([
    ['10.1.2.3', 'private', '10.0.0.0/8'],
    ['172.31.255.255', 'private', '172.16.0.0/12'],
    ['192.168.0.1', 'private', '192.168.0.0/16'],
    ['127.0.0.1', 'loopback', '127.0.0.0/8'],
    ['169.254.1.1', 'link-local', '169.254.0.0/16'],
    ['100.64.0.1', 'cgnat', '100.64.0.0/10'],
    ['100.127.255.255', 'cgnat', '100.64.0.0/10'],
    ['192.0.2.1', 'documentation', '192.0.2.0/24'],
    ['198.51.100.7', 'documentation', '198.51.100.0/24'],
    ['203.0.113.200', 'documentation', '203.0.113.0/24'],
    ['198.19.0.1', 'benchmarking', '198.18.0.0/15'],
    ['0.0.0.0', 'unspecified', '0.0.0.0/32'],
    ['0.1.2.3', 'this-network', '0.0.0.0/8'],
    ['224.0.0.251', 'multicast', '224.0.0.0/4'],
    ['250.1.1.1', 'reserved', '240.0.0.0/4'],
    ['255.255.255.255', 'broadcast', '255.255.255.255/32'],
    ['192.0.0.8', 'protocol-assignment', '192.0.0.0/24'],
    ['::', 'unspecified', '::/128'],
    ['::1', 'loopback', '::1/128'],
    ['fe80::1', 'link-local', 'fe80::/10'],
    ['fd00::1', 'unique-local', 'fc00::/7'],
    ['fc12::1', 'unique-local', 'fc00::/7'],
    ['2001:db8::1', 'documentation', '2001:db8::/32'],
    ['3fff:fff::1', 'documentation', '3fff::/20'],
    ['2001:2::1', 'benchmarking', '2001:2::/48'],
    ['100::1', 'discard-only', '100::/64'],
    ['::ffff:10.0.0.1', 'ipv4-mapped', '::ffff:0:0/96'],
    ['2002:c000:201::1', '6to4', '2002::/16'],
    ['2001:0:4136:e378::1', 'teredo', '2001::/32'],
    ['ff02::1', 'multicast', 'ff00::/8'],
    ['64:ff9b:1::1', 'translation-local', '64:ff9b:1::/48'],
  ])('puts %s in the %s block %s', (ip, range, cidr) => {
    expect(classifyAddress(ip)).toMatchObject({ range, cidr });
  });

  it.each([
    ['8.8.8.8', 'an ordinary address'],
    ['172.32.0.1', 'just outside 172.16.0.0/12'],
    ['100.128.0.1', 'just outside 100.64.0.0/10'],
    ['192.0.0.9', 'the PCP anycast hole in 192.0.0.0/24 (RFC 7723)'],
    ['64:ff9b::192.0.2.1', 'NAT64 (RFC 6052): reached normally'],
    ['2001:4860:4860::8888', 'an ordinary IPv6 address'],
    ['2001:4:112::1', 'AS112 inside 2001::/23'],
    ['not an address', 'not an address at all'],
  ])('does not flag %s (%s)', (ip) => {
    expect(classifyAddress(ip)).toBeUndefined();
  });

  it('labels every block in plain language with its RFC', () => {
    for (const range of SPECIAL_RANGES) {
      expect(parseIpBytes(range.cidr.split('/')[0]!), range.cidr).toBeDefined();
      expect(range.label).toMatch(/^(a|an|the) /);
    }
    expect(classifyAddress('10.0.0.1')?.label).toBe('a private network address (RFC 1918), not reachable from the internet');
  });

  it('flags every address of a documentation block, and none just outside', () => {
    fc.assert(
      fc.property(fc.nat(255), (last) => {
        expect(classifyAddress(`203.0.113.${last}`)?.range).toBe('documentation');
        expect(classifyAddress(`203.0.114.${last}`)).toBeUndefined();
      }),
      { numRuns: 10_000 },
    );
  });
});
