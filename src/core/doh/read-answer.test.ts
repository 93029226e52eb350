import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../../../test/support/fake-doh';
import { clientAsk } from '../mail/spf/check-host/client-ask';
import type { DnsAnswer } from './dns-answer';
import { DohClient } from './doh-client';
import { BUILT_IN_PROVIDERS, providerChain } from './providers';
import { answerValues, readAnswer, statusOf, txtValues } from './read-answer';

const answer = (rcode: string, answers: DnsAnswer['answers'], name = 'a.example', type: DnsAnswer['type'] = 'A'): DnsAnswer => ({
  name,
  type,
  rcode,
  answers,
  authorities: [],
  authenticated: false,
  resolver: 'x',
  fromCache: false,
  requests: 1,
  failures: [],
});

describe('readAnswer', () => {
  it('follows a CNAME chain to the records of the asked type (RFC 1034 §3.6.2)', () => {
    const read = readAnswer(
      answer('NOERROR', [
        { name: 'A.example', type: 'CNAME', ttl: 1, data: 'b.example.' },
        { name: 'b.example', type: 'CNAME', ttl: 1, data: 'c.example' },
        { name: 'c.example', type: 'A', ttl: 1, data: '192.0.2.1' },
        { name: 'unrelated.example', type: 'A', ttl: 1, data: '192.0.2.9' },
      ]),
      'A',
    );
    expect(read.cname).toEqual(['b.example', 'c.example']);
    expect(read.records.map((r) => r.data)).toEqual(['192.0.2.1']);
    expect(read.status).toBe('ok');
  });
  it('stops at a CNAME loop instead of spinning, and names it a loop (a failure, not "no records")', () => {
    const read = readAnswer(
      answer('NOERROR', [
        { name: 'a.example', type: 'CNAME', ttl: 1, data: 'b.example' },
        { name: 'b.example', type: 'CNAME', ttl: 1, data: 'a.example' },
      ]),
      'A',
    );
    expect(read.cname).toEqual(['b.example', 'a.example']);
    expect(read.chain).toBe('loop');
    expect(read.status).toBe('servfail');
  });
  it('calls a chain of more than 16 links too long, even when its end holds records', () => {
    const links = Array.from({ length: 20 }, (_, i) => ({ name: `c${i}.example`, type: 'CNAME' as const, ttl: 1, data: `c${i + 1}.example` }));
    const read = readAnswer({ ...answer('NOERROR', [...links, { name: 'c20.example', type: 'A', ttl: 1, data: '192.0.2.1' }]), name: 'c0.example' }, 'A');
    expect(read).toMatchObject({ chain: 'too-long', status: 'servfail', records: [] });
    expect(read.cname).toHaveLength(16);
  });
  it('ignores records at other names (no trust in extra data)', () => {
    expect(readAnswer(answer('NOERROR', [{ name: 'evil.example', type: 'A', ttl: 1, data: '192.0.2.66' }]), 'A').records).toEqual([]);
  });
  it('tells NODATA, NXDOMAIN, SERVFAIL and REFUSED apart', () => {
    expect([
      statusOf('NOERROR', false),
      statusOf('NXDOMAIN', false),
      statusOf('SERVFAIL', false),
      statusOf('REFUSED', false),
      statusOf('BADCOOKIE', false),
    ]).toEqual(['nodata', 'nxdomain', 'servfail', 'refused', 'error']);
  });
  it('joins TXT character-strings without spaces (RFC 7208 §3.3)', () => {
    expect(
      txtValues(answer('NOERROR', [{ name: 'a.example', type: 'TXT', ttl: 1, data: ['v=spf1 ip4:192.0.2.0/24', ' -all'] }], 'a.example', 'TXT')).values,
    ).toEqual(['v=spf1 ip4:192.0.2.0/24 -all']);
  });
});

describe('answerValues', () => {
  it('gives each record typed and as text, in the same order, with the smallest TTL', () => {
    const hash = 'ab'.repeat(32);
    const tlsa = answerValues(
      answer(
        'NOERROR',
        [
          { name: '_25._tcp.mx.example', type: 'CNAME', ttl: 50, data: 'tlsa.example' },
          { name: 'tlsa.example', type: 'TLSA', ttl: 300, data: { usage: 3, selector: 1, matchingType: 1, data: hash } },
          { name: 'tlsa.example', type: 'TLSA', ttl: 60, data: { usage: 2, selector: 0, matchingType: 2, data: hash } },
        ],
        '_25._tcp.mx.example',
        'TLSA',
      ),
      'TLSA',
    );
    expect(tlsa.status).toBe('ok');
    expect(tlsa.values).toEqual([`3 1 1 ${hash}`, `2 0 2 ${hash}`]);
    expect(tlsa.records.map((r) => r.data.usage)).toEqual([3, 2]);
    expect(tlsa.ttl).toBe(60);
  });
  it('writes MX and PTR names normalised, addresses canonical, as the mail diagnostics compare them', () => {
    const mx = answerValues(
      answer('NOERROR', [{ name: 'a.example', type: 'MX', ttl: 1, data: { preference: 0, exchange: 'MX.Example.' } }], 'a.example', 'MX'),
      'MX',
    );
    expect(mx.values).toEqual(['mx.example']);
    expect(answerValues(answer('NOERROR', [{ name: 'a.example', type: 'AAAA', ttl: 1, data: '2001:DB8:0::1' }], 'a.example', 'AAAA'), 'AAAA').values).toEqual([
      '2001:db8::1',
    ]);
    expect(answerValues(answer('NXDOMAIN', [], 'a.example', 'TXT'), 'TXT')).toEqual({ status: 'nxdomain', values: [], records: [] });
  });
});

describe('a resolver answer with an empty TXT record (RDLENGTH 0) beside an SPF record', () => {
  const zone = {
    'null.example.com TXT': {
      answers: [
        { name: 'null.example.com', type: 'TXT' as const, ttl: 300, data: [] },
        { name: 'null.example.com', type: 'TXT' as const, ttl: 300, data: ['v=spf1 ip4:', '192.0.2.5 -all'] },
      ],
    },
  };
  it('yields exactly the SPF record, and says the empty one was left out', async () => {
    const client = new DohClient({ providers: providerChain(BUILT_IN_PROVIDERS[0], true), fetch: fakeFetch(zone).fetch });
    const reply = await client.query({ name: 'null.example.com', type: 'TXT' });
    expect(reply.failures).toEqual([]);
    expect(reply.notes?.join(' ')).toMatch(/a TXT record for null\.example\.com had no strings at all/);
    expect(answerValues(reply, 'TXT')).toMatchObject({ status: 'ok', values: ['v=spf1 ip4:192.0.2.5 -all'] });
    const asked = await clientAsk(client)('null.example.com', 'TXT');
    expect(asked).toMatchObject({ status: 'ok', values: ['v=spf1 ip4:192.0.2.5 -all'], records: [{ type: 'TXT', data: ['v=spf1 ip4:', '192.0.2.5 -all'] }] });
  });
});
