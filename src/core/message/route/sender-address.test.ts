import { describe, expect, it } from 'vitest';
import { isInternalAddress } from './sender-address';

describe('isInternalAddress', () => {
  it.each([
    '10.0.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '127.0.0.1',
    '169.254.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    'fec0::1',
  ])('treats %s as internal', (ip) => {
    expect(isInternalAddress(ip)).toBe(true);
  });

  it.each(['192.0.2.1', '198.51.100.1', '203.0.113.1', '2001:db8::1', '8.8.8.8', '2a00:1450::1'])(
    'treats %s as public (documentation ranges included)',
    (ip) => {
      expect(isInternalAddress(ip)).toBe(false);
    },
  );
});
