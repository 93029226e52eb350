/** Issue #16: answers are read as RFC 1035/2308 say: stray records out, rcodes named, chains chased. */
import { describe, expect, it } from 'vitest';
import type { DnsMessage } from '../dns/message';
import { chaseCname } from './chase-cname';
import type { DnsAnswer } from './dns-answer';
import { withoutStrayRecords } from './stray-records';
import { validateAnswer } from './validate-answer';

const msg = (rcode: string, answers: DnsMessage['answers']): DnsMessage => ({
  id: 0,
  rcode,
  flags: { qr: true, aa: false, tc: false, rd: true, ra: true, ad: false, cd: false },
  questions: [{ name: 'example.com', type: 'MX' }],
  answers,
  authorities: [],
});
const mx = (owner = 'example.com') => ({ name: owner, type: 'MX' as const, ttl: 1, data: { preference: 10, exchange: 'mx.example.com' } });

describe('withoutStrayRecords', () => {
  it('lets NXDOMAIN win over an MX it carries, keeping the CNAMEs', () => {
    const cname = { name: 'example.com', type: 'CNAME' as const, ttl: 1, data: 'gone.example.net' };
    const { answers, notes } = withoutStrayRecords(msg('NXDOMAIN', [cname, mx('gone.example.net')]), { name: 'example.com', type: 'MX' });
    expect(answers).toEqual([cname]);
    expect(notes).toEqual([
      'an MX record came with the status NXDOMAIN, which says the name does not exist (the status wins, RFC 2308 §2.1), so MXray ignored it',
    ]);
  });
  it('leaves out records of another type or owner, in one sentence however many', () => {
    const many = Array.from({ length: 65_535 }, () => mx('other.example'));
    const { answers, notes } = withoutStrayRecords(msg('NOERROR', [mx(), ...many, { name: 'example.com', type: 'TXT', ttl: 1, data: ['x'] }]), {
      name: 'example.com',
      type: 'MX',
    });
    expect(answers).toEqual([mx()]);
    expect(notes).toEqual([
      '65535 MX records came for other.example, which is neither example.com nor on its alias chain (RFC 2181 §5.4.1), so MXray ignored them',
      'a TXT record came in the answer to example.com MX, which asked for MX records, so MXray ignored it',
    ]);
  });
});

describe('validateAnswer', () => {
  const provider = { id: 'x', name: 'X', url: 'https://x.example/dns-query', format: 'wire' as const };
  it.each([
    ['RCODE15', /response code 15, which is not assigned/],
    ['RCODE99', /response code 99/],
    ['YXDOMAIN', /YXDOMAIN, a response code that is not an answer to a query/],
  ])('names the rcode %s', (rcode, why) => {
    expect(() => validateAnswer(msg(rcode, []), { name: 'example.com', type: 'MX' }, provider)).toThrow(why);
  });
  it('refuses an answer to a question of another class', () => {
    const chaos = { ...msg('NOERROR', []), questions: [{ name: 'example.com', type: 'MX', class: 'CH' }] };
    expect(() => validateAnswer(chaos, { name: 'example.com', type: 'MX' }, provider)).toThrow(/class CH, not IN/);
  });
  it('takes NOERROR, NXDOMAIN, SERVFAIL and REFUSED', () => {
    for (const rcode of ['NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED']) validateAnswer(msg(rcode, []), { name: 'example.com', type: 'MX' }, provider);
  });
});

describe('chaseCname', () => {
  const piece = (from: string, to: string): DnsAnswer => ({
    name: from,
    type: 'MX',
    rcode: 'NOERROR',
    answers: [{ name: from, type: 'CNAME', ttl: 1, data: to }],
    authorities: [],
    authenticated: false,
    resolver: 'x',
    fromCache: false,
    requests: 1,
    failures: [],
  });
  it('asks on where an answer leaves a chain, up to 17 links in all, and stops at a loop', async () => {
    const asked: string[] = [];
    const chained = await chaseCname(piece('c0.example', 'c1.example'), { name: 'c0.example', type: 'MX' }, (name) => {
      asked.push(name);
      const n = Number(name.slice(1, name.indexOf('.')));
      return Promise.resolve(piece(name, `c${n + 1}.example`));
    });
    expect(asked).toHaveLength(16);
    expect(chained.requests).toBe(17);
    const looped = await chaseCname(piece('a.example', 'b.example'), { name: 'a.example', type: 'MX' }, (name) => Promise.resolve(piece(name, 'a.example')));
    expect(looped.answers.map((r) => r.name)).toEqual(['a.example', 'b.example']);
  });
});
