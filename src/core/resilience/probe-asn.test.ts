import { describe, expect, it } from 'vitest';
import { testAddress } from '../routing-checks/test-report';
import { fakeAsk } from '../mail/testing/fake-ask';
import { probeAsn } from './probe-asn';

const ORIGIN = '25.2.0.192.origin.asn.cymru.com TXT';

describe('probeAsn', () => {
  it('asks the origin, then the AS name, and fills the address', async () => {
    const { ask, asked } = fakeAsk({
      [ORIGIN]: ['64500 64501 | 192.0.2.0/24 | DE | ripencc | 2003-05-08'],
      'as64500.asn.cymru.com TXT': ['64500 | DE | ripencc | 2003-05-08 | EXAMPLE-NET - Example Networks, DE'],
    });
    const address = testAddress('192.0.2.25');
    await probeAsn(address, ask);
    expect(asked).toEqual([ORIGIN, 'as64500.asn.cymru.com TXT']);
    expect(address.asn).toEqual({
      status: 'ok',
      number: 64500,
      origins: [64500, 64501],
      name: 'EXAMPLE-NET - Example Networks, DE',
      prefix: '192.0.2.0/24',
      country: 'DE',
      registry: 'ripencc',
      allocated: '2003-05-08',
    });
  });

  it('asks IPv6 addresses under origin6', async () => {
    const { ask, asked } = fakeAsk({});
    await probeAsn(testAddress('2001:db8::25'), ask);
    expect(asked[0]).toMatch(/^5\.2\.0\.0(\.0){20}\.8\.b\.d\.0\.1\.0\.0\.2\.origin6\.asn\.cymru\.com TXT$/);
  });

  it('says "none" when the address is not announced, and asks nothing more', async () => {
    const { ask, asked } = fakeAsk({});
    const address = testAddress('192.0.2.25');
    await probeAsn(address, ask);
    expect(address.asn).toEqual({ status: 'none' });
    expect(asked).toHaveLength(1);
  });

  it('tells failures and unreadable answers apart', async () => {
    const failed = testAddress('192.0.2.25');
    await probeAsn(failed, fakeAsk({ [ORIGIN]: 'servfail' }).ask);
    expect(failed.asn).toEqual({ status: 'error' });
    const garbled = testAddress('192.0.2.25');
    await probeAsn(garbled, fakeAsk({ [ORIGIN]: ['<script>alert(1)</script>'] }).ask);
    expect(garbled.asn).toEqual({ status: 'unreadable' });
  });

  it('keeps the network without a name when the AS-name question fails', async () => {
    const address = testAddress('192.0.2.25');
    await probeAsn(address, fakeAsk({ [ORIGIN]: ['64500 | 192.0.2.0/24 | | |'], 'as64500.asn.cymru.com TXT': 'error' }).ask);
    expect(address.asn).toEqual({ status: 'ok', number: 64500, prefix: '192.0.2.0/24' });
  });

  it('takes the country from the AS record when the prefix has none', async () => {
    const address = testAddress('192.0.2.25');
    await probeAsn(address, fakeAsk({ [ORIGIN]: ['64500 | 192.0.2.0/24 | | |'], 'as64500.asn.cymru.com TXT': ['64500 | NL | ripencc | | X'] }).ask);
    expect(address.asn).toMatchObject({ country: 'NL', registry: 'ripencc', name: 'X' });
  });

  it('does not ask about private or loopback addresses', async () => {
    const { ask, asked } = fakeAsk({});
    const address = testAddress('10.0.0.25', { range: 'private' });
    await probeAsn(address, ask);
    expect(address.asn).toEqual({ status: 'skipped' });
    expect(asked).toEqual([]);
  });
});
