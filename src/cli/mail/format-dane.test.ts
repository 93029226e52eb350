import { describe, expect, it } from 'vitest';
import { probeFake } from '../../core/mail/dane/fake-dane';
import { newDaneSection } from '../../core/mail/dane/types';
import { formatDane } from './format-dane';

const SHA256 = 'ab'.repeat(32);
const TA256 = 'cd'.repeat(32);

describe('formatDane', () => {
  it('prints each host, its records and what they mean, then the commands that check port 25', async () => {
    const { section } = await probeFake(
      [
        { name: 'mx.example.com', signed: true },
        { name: 'mx2.example.com', signed: true },
      ],
      {
        mxSigned: true,
        signed: ['example.com'],
        records: { '_25._tcp.mx.example.com TLSA': [`3 1 1 ${SHA256}`, `2 1 1 ${TA256}`], 'mx2.example.com A': ['192.0.2.2'] },
      },
    );
    expect(formatDane(section)).toEqual([
      `${'mx.example.com'.padEnd(40)} DANE valid, ready for a key change`,
      `  2 1 1 ${TA256}`,
      '    DANE-TA, SPKI, SHA2-256: usable',
      `  3 1 1 ${SHA256}`,
      '    DANE-EE, SPKI, SHA2-256: usable',
      `${'mx2.example.com'.padEnd(40)} no TLSA`,
      '  No TLSA records at _25._tcp.mx2.example.com.',
      'To match the records against the certificate on port 25, which a browser cannot reach, run:',
      '  posttls-finger -t30 -T180 -c -L verbose,summary "[mx.example.com]"',
      `  openssl s_client -starttls smtp -connect mx.example.com:25 -dane_tlsa_domain mx.example.com -dane_tlsa_rrdata "2 1 1 ${TA256}" -dane_tlsa_rrdata "3 1 1 ${SHA256}"`,
    ]);
  });

  it('says a well-formed record served without DNSSEC is ignored, not usable', async () => {
    const { section } = await probeFake([{ name: 'mx.example.com' }], {
      mxSigned: false,
      signed: [],
      records: { '_25._tcp.mx.example.com TLSA': [`3 1 1 ${SHA256}`] },
    });
    expect(formatDane(section).slice(0, 3)).toEqual([
      `${'mx.example.com'.padEnd(40)} TLSA without DNSSEC (ignored)`,
      `  3 1 1 ${SHA256}`,
      '    DANE-EE, SPKI, SHA2-256: well formed, but ignored without DNSSEC',
    ]);
  });

  it('waits for the MX hosts, and escapes control characters', async () => {
    expect(formatDane(newDaneSection())).toEqual(['Waiting for the MX hosts…']);
    const { section } = await probeFake([{ name: 'mx.example.com' }], {
      mxSigned: false,
      signed: [],
      records: { '_25._tcp.mx.example.com TLSA': [`3 1 1 ${SHA256}`] },
    });
    section.hosts[0]!.records[0]!.data = 'ab\u001b[0m';
    expect(formatDane(section).slice(0, 3)).toEqual([
      `${'mx.example.com'.padEnd(40)} TLSA without DNSSEC (ignored)`,
      '  3 1 1 ab\\u001b[0m',
      '    DANE-EE, SPKI, SHA2-256: the data is not whole bytes of hexadecimal.',
    ]);
  });
});
