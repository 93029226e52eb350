import { describe, expect, it } from 'vitest';
import type { DnsAnswer } from './dns-answer';
import { readAnswer, statusOf, txtValues } from './read-answer';

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
