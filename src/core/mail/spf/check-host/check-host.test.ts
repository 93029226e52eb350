/**
 * check_host() on in-memory zones: cases re-encoded from the RFC 7208 text and from the facts
 * of the openspf/pyspf suite (rfc7208-tests.yml: same records, same expected results). Every
 * case runs fetching ahead and sequentially; the two must agree on all but round trips.
 */
import { describe, expect, it } from 'vitest';
import { fakeFetch, type FakeZone } from '../../../../../test/support/fake-doh';
import { DohClient } from '../../../doh/doh-client';
import { BUILT_IN_PROVIDERS, providerChain } from '../../../doh/providers';
import { fakeAsk, type FakeRecords } from '../../testing/fake-ask';
import { checkSpf } from './check-host';
import { clientAsk } from './client-ask';
import type { SpfCheck, SpfResult } from './types';

interface Case {
  zone: FakeRecords;
  ip: string;
  sender: string;
  helo?: string;
  result: SpfResult | SpfResult[];
  explanation?: string;
}

async function run(c: Case): Promise<SpfCheck> {
  const both = await Promise.all(
    [true, false].map((prefetch) =>
      checkSpf({ ip: c.ip, sender: c.sender, helo: c.helo ?? 'mail.example.com' }, { ask: fakeAsk(c.zone).ask, prefetch, now: () => 0 }),
    ),
  );
  const [ahead, sequential] = both as [SpfCheck, SpfCheck];
  const same = (r: SpfCheck) => ({ ...r, roundTrips: 0, questions: 0, prefetch: false });
  expect(same(ahead)).toEqual(same(sequential));
  expect(ahead.roundTrips).toBeLessThanOrEqual(sequential.roundTrips);
  expect([c.result].flat()).toContain(ahead.result);
  if (c.explanation !== undefined) expect(ahead.explanation).toBe(c.explanation);
  return ahead;
}

const MAIL = { 'mail.example.com A': ['1.2.3.4'] };
const spf = (name: string, record: string, extra: FakeRecords = {}): FakeRecords => ({ ...MAIL, [`${name} TXT`]: [record], ...extra });

describe('§4.3 initial processing', () => {
  it.each([
    ['a 64-character label: none', `lyme@A${'1234567890'.repeat(6)}123.example.com`, 'none'],
    ['an empty label: none', 'lyme@A...example.com', 'none'],
    ['a domain literal: none', 'foo@[1.2.3.5]', 'none'],
  ] as const)('%s', async (_name, sender, result) => {
    await run({ zone: {}, ip: '1.2.3.5', sender, result });
  });
  it('a 63-character label is fine', async () => {
    const name = `a${'1234567890'.repeat(6)}12.example.com`;
    await run({ zone: spf(name, 'v=spf1 -all'), ip: '1.2.3.5', sender: `lyme@${name}`, result: 'fail' });
  });
  it('HELO that is not a FQDN, or a domain literal: none', async () => {
    await run({ zone: {}, ip: '1.2.3.5', sender: '', helo: 'A2345678', result: 'none' });
    await run({ zone: {}, ip: '1.2.3.5', sender: '', helo: '[1.2.3.5]', result: 'none' });
  });
  it('no local-part: postmaster (it shows in %{l})', async () => {
    await run({
      zone: spf('example.net', 'v=spf1 -all exp=exp.example.net', { 'exp.example.net TXT': ['%{l}'] }),
      ip: '1.2.3.4',
      sender: '@example.net',
      result: 'fail',
      explanation: 'postmaster',
    });
  });
  it('null-text: a TXT record with no strings at all beside the SPF record is ignored, the SPF record evaluated (pass)', async () => {
    // The suite's zone: null.example.com has SPF ["v=spf1 ip4:", "192.0.2.5 -all"] and SPF []
    // (TXT under RFC 7208). The record with no strings is something only the codec sees, so the
    // zone is served as real wire answers (RDLENGTH 0) through the DoH client and `clientAsk`.
    const zone: FakeZone = {
      'null.example.com TXT': {
        answers: [
          { name: 'null.example.com', type: 'TXT', ttl: 300, data: ['v=spf1 ip4:', '192.0.2.5 -all'] },
          { name: 'null.example.com', type: 'TXT', ttl: 300, data: [] },
        ],
      },
    };
    for (const prefetch of [true, false]) {
      const client = new DohClient({ providers: providerChain(BUILT_IN_PROVIDERS[0], true), fetch: fakeFetch(zone).fetch });
      const check = await checkSpf({ ip: '192.0.2.5', sender: 'silly@null.example.com', helo: 'hosed' }, { ask: clientAsk(client), prefetch, now: () => 0 });
      expect(check.result).toBe('pass');
    }
  });
});

describe('§4.4-§4.5 record lookup and selection', () => {
  it('a timeout is temperror', async () => {
    await run({ zone: { 'example.net TXT': 'error' }, ip: '1.2.3.4', sender: 'foo@example.net', result: 'temperror' });
  });
  it.each([
    ['"v=spf1mx" is not a record (version ends with a space or the end)', ['v=spf1mx'], 'none'],
    ['"v=spf1" alone: neutral', ['v=spf1'], 'neutral'],
    ['v=SpF1 is case-insensitive', ['v=SpF1 ~all'], 'softfail'],
    ['two records: permerror', ['v=spf1 -all', 'v=spf1 +all'], 'permerror'],
    ['other TXT records do not count, non-ASCII ones neither', ['v=spf1 -all', '\u0096'], 'fail'],
    ['two spaces between terms are fine', ['v=spf1 a  -all'], 'fail'],
    ['a control character is not a separator', ['v=spf1 a:ctrl.example.com\rptr -all'], 'permerror'],
    ['non-ASCII in a term: permerror', ['v=spf1 a:\uFEFFgarbage.example.net -all'], 'permerror'],
  ] as const)('%s', async (_name, records, result) => {
    await run({ zone: { ...MAIL, 'example.org TXT': [...records] }, ip: '1.2.3.4', sender: 'foo@example.org', result });
  });
});

describe('§4.6 record evaluation, §5.1 all', () => {
  it.each([
    ['a syntax error anywhere is detected', 'v=spf1 ip4:1.2.3.4 -all moo', 'permerror'],
    ['modifier names may hold - _ .', 'v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all', 'pass'],
    ['"=" after "/" is no modifier', 'v=spf1 moo.cow/far_out=man:dog/cat ip4:1.2.3.4 -all', 'permerror'],
    ['redirect is a modifier, not a mechanism', 'v=spf1 ip4:1.2.3.4 redirect:t2.example.com', 'permerror'],
    ['a domain-spec needs a top label', 'v=spf1 a:foo-bar -all', 'permerror'],
    ['all takes no argument', 'v=spf1 -all.', 'permerror'],
    ['all takes no prefix', 'v=spf1 -all/8', 'permerror'],
    ['the first all decides', 'v=spf1 all -all', 'pass'],
    ['ptr takes no prefix', 'v=spf1 ptr/0 -all', 'permerror'],
    ['a/33 is too long', 'v=spf1 a/33 -all', 'permerror'],
    ['a/24/64 is not dual CIDR', 'v=spf1 a/24/64 -all', 'permerror'],
    ['an all-numeric top label is not a domain', 'v=spf1 a:111.222.33.44', 'permerror'],
    ['ip4 with a port', 'v=spf1 ip4:1.2.3.4:8080', 'permerror'],
    ['ip4 with a leading-zero prefix', 'v=spf1 ip4:1.2.3.4/032 -all', 'permerror'],
    ['ip4 cut short', 'v=spf1 ip4:1.2.3', 'permerror'],
    ['include with a prefix', 'v=spf1 include:ip5.example.com/24 -all', 'permerror'],
    ['include without a domain', 'v=spf1 include: -all', 'permerror'],
    ['exists without a domain', 'v=spf1 exists', 'permerror'],
    ['a bad macro in an unknown modifier', 'v=spf1 -all foo=%abc', 'permerror'],
    ['an exp= without a domain', 'v=spf1 exp= -all', 'permerror'],
    ['exp= twice', 'v=spf1 exp=a.example.com -all exp=b.example.com', 'permerror'],
    ['an obsolete default= is ignored', 'v=spf1 default=pass', 'neutral'],
    ['a macro letter allowed only in exp', 'v=spf1 -all exp=%{r}.example.com', 'permerror'],
    ['an unknown macro letter', 'v=spf1 a:%{a}.example.com -all', 'permerror'],
  ] as const)('%s', async (_name, record, result) => {
    await run({ zone: spf('e.example.com', record), ip: '1.2.3.4', sender: 'foo@e.example.com', result });
  });
  it('redirect after an all is never used (it would loop)', async () => {
    await run({ zone: spf('t5.example.com', 'v=spf1 redirect=t5.example.com ~all'), ip: '1.2.3.4', sender: 'foo@t5.example.com', result: 'softfail' });
  });
});

describe('§5.2 include', () => {
  const zone: FakeRecords = {
    'ip5.example.com TXT': ['v=spf1 ip4:1.2.3.5 -all'],
    'ip6.example.com TXT': ['v=spf1 ip4:1.2.3.6 ~all'],
    'ip7.example.com TXT': ['v=spf1 ip4:1.2.3.7 ?all'],
    'ip8.example.com TXT': 'error',
    'erehwon.example.com TXT': ['v=spfl am not an SPF record'],
    'e1.example.com TXT': ['v=spf1 include:ip5.example.com ~all'],
    'e2.example.com TXT': ['v=spf1 include:ip6.example.com all'],
    'e3.example.com TXT': ['v=spf1 include:ip7.example.com -all'],
    'e4.example.com TXT': ['v=spf1 include:ip8.example.com -all'],
    'e5.example.com TXT': ['v=spf1 include:e6.example.com -all'],
    'e6.example.com TXT': ['v=spf1 include +all'],
    'e7.example.com TXT': ['v=spf1 include:erehwon.example.com -all'],
  };
  it.each([
    ['fail does not match', 'e1', 'softfail'],
    ['softfail does not match', 'e2', 'pass'],
    ['neutral does not match', 'e3', 'fail'],
    ['temperror is temperror', 'e4', 'temperror'],
    ['permerror is permerror', 'e5', 'permerror'],
    ['none is permerror', 'e7', 'permerror'],
  ] as const)('%s', async (_name, host, result) => {
    await run({ zone, ip: '1.2.3.4', sender: `foo@${host}.example.com`, result });
  });
});

describe('§5.3-§5.7 a, mx, ptr, ip4/ip6, exists', () => {
  const zone: FakeRecords = {
    ...MAIL,
    'e2.example.com A': ['1.1.1.1'],
    'e2.example.com AAAA': ['1234::2'],
    'e2.example.com TXT': ['v=spf1 a/0 -all'],
    'e2a.example.com AAAA': ['1234::1'],
    'e2a.example.com TXT': ['v=spf1 a//0 -all'],
    'e8.example.com A': ['1.2.3.5'],
    'e8.example.com AAAA': ['2001:db8:1234::dead:beef'],
    'e8.example.com TXT': ['v=spf1 a/24//64 -all'],
    'e14.example.com TXT': ['v=spf1 a:foo.example.xn--zckzah -all'],
    'foo.example.xn--zckzah A': ['1.2.3.4'],
    'm1.example.com TXT': ['v=spf1 mx/0 -all'],
    'm1.example.com MX': ['m1.example.com'],
    'm4.example.com TXT': ['v=spf1 mx'],
    'm4.example.com A': ['1.2.3.4'],
    'mx-null.example.com TXT': ['v=spf1 mx'],
    'mx-null.example.com MX': [''],
    'x4.example.com TXT': ['v=spf1 exists:mail.example.com'],
    'x5.example.com TXT': ['v=spf1 exists:mail6.example.com -all'],
    'mail6.example.com AAAA': ['cafe:babe::4'],
    'i7.example.com TXT': ['v=spf1 -ip4:1.2.3.4 ip6:::FFFF:1.2.3.4'],
    'i2.example.com TXT': ['v=spf1 ip6:::1.1.1.1/0'],
    'i5.example.com TXT': ['v=spf1 ip6:Cafe:Babe:8000::/33'],
    'e11.example.com TXT': ['v=spf1 a:foo:bar/baz.example.com'],
    'foo:bar/baz.example.com A': ['1.2.3.4'],
    'm11.example.com TXT': ['v=spf1 mx:foo:bar/baz.example.com'],
    'foo:bar/baz.example.com MX': ['foo:bar/baz.example.com'],
    't10.example.com TXT': ['v=spf1 a:mail.example...com -all'],
    't11.example.com TXT': [`v=spf1 a:a${'1234567890'.repeat(6)}123.example.com -all`],
  };
  it.each([
    ['a/0 matches any A record', '1.2.3.4', 'e2', 'pass'],
    ['a/0 does not match an IPv6 connection', '1234::1', 'e2', 'fail'],
    ['a//0 matches IPv6 only', '1234::1', 'e2a', 'pass'],
    ['a//0 never matches IPv4', '1.2.3.4', 'e2a', 'fail'],
    ['a//0 never matches IPv4-mapped', '::FFFF:1.2.3.4', 'e2a', 'fail'],
    ['dual CIDR, IPv4 side', '1.2.3.4', 'e8', 'pass'],
    ['dual CIDR, IPv6 side', '2001:db8:1234::cafe:babe', 'e8', 'pass'],
    ['a top label with dashes (IDN TLD)', '1.2.3.4', 'e14', 'pass'],
    ['a domain-spec may hold ":" and "/"', '1.2.3.4', 'e11', 'pass'],
    ['and so may an mx target', '::FFFF:1.2.3.4', 'm11', 'pass'],
    ['an over-long label is a name that does not exist', '1.2.3.4', 't11', 'fail'],
    ['so is an empty label', '1.2.3.4', 't10', 'fail'],
    ['mx/0 with no A at the host: no match', '1.2.3.4', 'm1', 'fail'],
    ['no MX is no match, never the A record', '1.2.3.4', 'm4', 'neutral'],
    ['a null MX is no match', '1.2.3.4', 'mx-null', 'neutral'],
    ['exists: any A record', '1.2.3.4', 'x4', 'pass'],
    ['exists asks A even over IPv6', 'CAFE:BABE::3', 'x4', 'pass'],
    ['exists does not ask AAAA', 'CAFE:BABE::3', 'x5', 'fail'],
    ['an IPv4-mapped connection is IPv4 (ip6 never matches it)', '::FFFF:1.2.3.4', 'i7', 'fail'],
    ['IPv4 never matches ip6', '1.2.3.4', 'i2', 'neutral'],
    ['ip6:/0 matches any IPv6', 'DEAF:BABE::CAB:FEE', 'i2', 'pass'],
    ['ip6 /33 is an IPv6 prefix', 'CAFE:BABE:8000::', 'i5', 'pass'],
  ] as const)('%s', async (_name, ip, host, result) => {
    await run({ zone, ip, sender: `foo@${host}.example.com`, result });
  });

  it('ptr: validated names at or below the target, case-insensitive', async () => {
    const ptrZone: FakeRecords = {
      ...MAIL,
      '4.3.2.1.in-addr.arpa PTR': ['e3.example.com', 'e4.example.com', 'mail.example.com'],
      'e3.example.com A': ['1.2.3.4'],
      'e2.example.com TXT': ['v=spf1 ptr:example.com -all'],
      'e3.example.com TXT': ['v=spf1 ptr -all'],
      'e4.example.com TXT': ['v=spf1 ptr -all'],
      'e6.example.com TXT': ['v=spf1 ptr:example.Com -all'],
    };
    await run({ zone: ptrZone, ip: '1.2.3.4', sender: 'foo@e2.example.com', result: 'pass' });
    await run({ zone: ptrZone, ip: '1.2.3.4', sender: 'foo@e3.example.com', result: 'pass' });
    await run({ zone: ptrZone, ip: '1.2.3.4', sender: 'foo@e4.example.com', result: 'fail' });
    await run({ zone: ptrZone, ip: '1.2.3.4', sender: 'foo@e6.example.com', result: 'pass' });
  });

  it('exists with a DNS error is temperror', async () => {
    await run({
      zone: { 'e6.example.com TXT': ['v=spf1 exists:err.example.com -all'], 'err.example.com A': 'error' },
      ip: '1.2.3.4',
      sender: 'foo@e6.example.com',
      result: 'temperror',
    });
  });
});

describe('§6 modifiers and §6.2 explanations', () => {
  const zone: FakeRecords = {
    ...MAIL,
    'e1.example.com TXT': ['v=spf1 exp=exp1.example.com redirect=e2.example.com'],
    'e2.example.com TXT': ['v=spf1 -all'],
    'e3.example.com TXT': ['v=spf1 exp=exp1.example.com redirect=e4.example.com'],
    'e4.example.com TXT': ['v=spf1 -all exp=exp2.example.com'],
    'exp1.example.com TXT': ['No-see-um'],
    'exp2.example.com TXT': ['See me.'],
    'exp3.example.com TXT': ['Correct!'],
    'exp4.example.com TXT': ['%{l} in implementation'],
    'e7.example.com TXT': ['v=spf1 include:e3.example.com -all exp=exp3.example.com'],
    'e8.example.com TXT': ['v=spf1 -all exp=exp4.example.com'],
    'e10.example.com TXT': ['v=spf1 redirect=erehwon.example.com'],
    'e13.example.com TXT': ['v=spf1 exp=e13msg.example.com -all'],
    'e13msg.example.com TXT': ['The %{x}-files.'],
    'e21.example.com TXT': ['v=spf1 exp=e21msg.example.com -all'],
    'e21msg.example.com TXT': 'error',
    'e23.example.com TXT': ['v=spf1 a:erehwon.example.com a:foobar.com exp=nxdomain.com -all'],
    'e24.example.com TXT': ['v=spf1 redirect=testimplicit.example.com'],
    'e24.example.com A': ['192.0.2.1'],
    'testimplicit.example.com TXT': ['v=spf1 a -all'],
    'testimplicit.example.com A': ['192.0.2.2'],
    'nonascii.example.com TXT': ['v=spf1 exp=badexp.example.com -all'],
    'badexp.example.com TXT': ['\uFEFFExplanation'],
  };
  const DEFAULT = (domain: string, ip = '1.2.3.4') => `${domain} does not designate ${ip} as a permitted sender`;
  it.each([
    ['a redirect cancels the original exp', 'e1', 'fail', DEFAULT('e1.example.com')],
    ['an include never uses the included exp', 'e7', 'fail', 'Correct!'],
    ['the redirect target exp is used', 'e3', 'fail', 'See me.'],
    ['spaces in the local part', 'e8', 'fail', 'Macro Error in implementation'],
    ['a bad macro in the text: default', 'e13', 'fail', DEFAULT('e13.example.com')],
    ['a DNS error at the exp name: default', 'e21', 'fail', DEFAULT('e21.example.com')],
    ['non-ASCII explanation text: default', 'nonascii', 'fail', DEFAULT('nonascii.example.com')],
  ] as const)('%s', async (_name, host, result, explanation) => {
    await run({ zone, ip: '1.2.3.4', sender: host === 'e8' ? 'Macro Error@e8.example.com' : `foo@${host}.example.com`, result, explanation });
  });
  it('§6.1 a redirect to a name without a record is permerror', async () => {
    await run({ zone, ip: '1.2.3.4', sender: 'foo@e10.example.com', result: 'permerror' });
  });
  it('§6.1 a redirect changes the implicit domain of a', async () => {
    await run({ zone, ip: '192.0.2.2', sender: 'bar@e24.example.com', result: 'pass' });
  });
  it('§4.6.4 the exp name does not count as a void lookup', async () => {
    const result = await run({ zone, ip: '1.2.3.4', sender: 'foo@e23.example.com', result: 'fail' });
    expect(result.voidLookups).toBe(2);
  });
});

describe('§7 macros in records', () => {
  const zone: FakeRecords = {
    'example.com.d.spf.example.com TXT': ['v=spf1 redirect=a.spf.example.com'],
    'a.spf.example.com TXT': ['v=spf1 include:o.spf.example.com. ~all'],
    'o.spf.example.com TXT': ['v=spf1 ip4:192.168.218.40'],
    'example.com TXT': ['v=spf1 redirect=%{d}.d.spf.example.com.'],
    'exp.example.com TXT': ['v=spf1 exp=msg.example.com. -all'],
    'msg.example.com TXT': ['This is a test.'],
    'e1a.example.com TXT': ['v=spf1 a:macro%%percent%_%_space%-url-space.example.com -all'],
    'macro%percent  space%20url-space.example.com A': ['1.2.3.4'],
    'e3.example.com TXT': ['v=spf1 -all exp=%{ir}.example.com'],
    '40.218.168.192.example.com TXT': ['Connections from %{c} not authorized.'],
    'somewhat.long.exp.example.com TXT': ['v=spf1 -all exp=foobar.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.example.com'],
    [`${'somewhat.long.exp.example.com.'.repeat(8)}example.com TXT`]: ['Congratulations!  That was tricky.'],
    'e4.example.com TXT': ['v=spf1 -all exp=e4msg.example.com'],
    'e4msg.example.com TXT': ['%{c} is queried as %{ir}.%{v}.arpa'],
    'e6.example.com TXT': ['v=spf1 -all exp=e6msg.example.com'],
    'e6msg.example.com TXT': ['connect from %{p}'],
    'mx.example.com A': ['192.168.218.41', '192.168.218.42'],
    'mx.example.com AAAA': ['CAFE:BABE::2', 'CAFE:BABE::3'],
    '40.218.168.192.in-addr.arpa PTR': ['mx.example.com'],
    '41.218.168.192.in-addr.arpa PTR': ['mx.example.com'],
    '3.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.e.b.a.b.e.f.a.c.ip6.arpa PTR': ['mx.example.com'],
    'e9.example.com TXT': ['v=spf1 a:%{H} -all'],
    'msgbas2x.cos.example.com A': ['192.168.218.40'],
    'e10.example.com TXT': ['v=spf1 -include:_spfh.%{d2} ip4:1.2.3.0/24 -all'],
    '_spfh.example.com TXT': ['v=spf1 -a:%{h} +all'],
    'e11.example.com TXT': ['v=spf1 exists:%{i}.%{l2r-}.user.%{d2}'],
    '1.2.3.4.gladstone.philip.user.example.com A': ['127.0.0.2'],
  };
  const HELO = 'msgbas2x.cos.example.com';
  it.each([
    ['a trailing dot is ignored in domains', '192.168.218.40', 'test@example.com', HELO, 'pass', undefined],
    ['but kept in explanations', '192.168.218.40', 'test@exp.example.com', HELO, 'fail', 'This is a test.'],
    ['%% %_ %- in a domain', '1.2.3.4', 'test@e1a.example.com', 'mail.example.com', 'pass', undefined],
    ['i and c for IPv4', '192.168.218.40', 'test@e3.example.com', HELO, 'fail', 'Connections from 192.168.218.40 not authorized.'],
    [
      'a name over 253 characters loses labels on the left',
      '192.168.218.40',
      'test@somewhat.long.exp.example.com',
      HELO,
      'fail',
      'Congratulations!  That was tricky.',
    ],
    ['v for IPv4', '192.168.218.40', 'test@e4.example.com', HELO, 'fail', '192.168.218.40 is queried as 40.218.168.192.in-addr.arpa'],
    [
      'v and c for IPv6',
      'CAFE:BABE::1',
      'test@e4.example.com',
      HELO,
      'fail',
      'cafe:babe::1 is queried as 1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.e.b.a.b.e.f.a.c.ip6.arpa',
    ],
    ['p: a PTR that does not validate is "unknown"', '192.168.218.40', 'test@e6.example.com', HELO, 'fail', 'connect from unknown'],
    ['p: the validated name', '192.168.218.41', 'test@e6.example.com', HELO, 'fail', 'connect from mx.example.com'],
    ['p: the validated name, IPv6', 'CAFE:BABE::3', 'test@e6.example.com', HELO, 'fail', 'connect from mx.example.com'],
    ['h: the HELO name', '192.168.218.40', 'test@e9.example.com', HELO, 'pass', undefined],
    ['h: an invalid HELO is no match, not a syntax error', '192.168.218.40', 'test@e9.example.com', "JUMPIN' JUPITER", 'fail', undefined],
    ['requiring a valid HELO in policy', '1.2.3.4', 'test@e10.example.com', 'OEMCOMPUTER', 'fail', undefined],
    ['splitting on "-", reversing, keeping 2', '1.2.3.4', 'philip-gladstone-test@e11.example.com', 'mail.example.com', 'pass', undefined],
  ] as const)('%s', async (_name, ip, sender, helo, result, explanation) => {
    await run({ zone, ip, sender, helo, result, ...(explanation === undefined ? {} : { explanation }) });
  });
});

describe('§4.6.4 processing limits', () => {
  const zone: FakeRecords = {
    ...MAIL,
    'e1.example.com TXT': ['v=spf1 ip4:1.1.1.1 redirect=e1.example.com'],
    'e2.example.com TXT': ['v=spf1 include:e3.example.com'],
    'e3.example.com TXT': ['v=spf1 include:e2.example.com'],
    'e4.example.com TXT': ['v=spf1 mx'],
    'e4.example.com MX': [...Array(10).fill('mail.example.com'), 'e4.example.com'],
    'e4.example.com A': ['1.2.3.5'],
    'e5.example.com TXT': ['v=spf1 ptr'],
    'e5.example.com A': ['1.2.3.5'],
    '5.3.2.1.in-addr.arpa PTR': [
      'e1.example.com',
      'e2.example.com',
      'e3.example.com',
      'e4.example.com',
      'example.com',
      'e6.example.com',
      'e7.example.com',
      'e8.example.com',
      'e9.example.com',
      'e10.example.com',
      'e5.example.com',
    ],
    'e6.example.com TXT': ['v=spf1 a mx a mx a mx a mx a ptr ip4:1.2.3.4 -all'],
    'e6.example.com A': ['1.2.3.8'],
    'e6.example.com MX': ['e6.example.com'],
    'e7.example.com TXT': ['v=spf1 a mx a mx a mx a mx a ptr a ip4:1.2.3.4 -all'],
    'e7.example.com A': ['1.2.3.20'],
    'e8.example.com TXT': ['v=spf1 a include:inc.example.com ip4:1.2.3.4 mx -all'],
    'e8.example.com A': ['1.2.3.4'],
    'inc.example.com TXT': ['v=spf1 a a a a a a a a'],
    'inc.example.com A': ['1.2.3.10'],
    'e9.example.com TXT': ['v=spf1 a include:inc.example.com a ip4:1.2.3.4 -all'],
    'e9.example.com A': ['1.2.3.21'],
    'e10.example.com TXT': ['v=spf1 a -all'],
    'e10.example.com A': Array.from({ length: 12 }, (_, i) => `1.2.3.${i + 1}`),
    'e11.example.com TXT': ['v=spf1 a:err.example.com a:err1.example.com a:err2.example.com ?all'],
    'e12.example.com TXT': ['v=spf1 a:err.example.com a:err1.example.com ?all'],
  };
  it.each([
    ['a redirect loop', '1.2.3.4', 'e1', 'permerror'],
    ['an include loop', '1.2.3.4', 'e2', 'permerror'],
    ['more than 10 MX records', '1.2.3.5', 'e4', 'permerror'],
    ['only the first 10 PTR names are looked at', '1.2.3.5', 'e5', ['neutral', 'pass']],
    ['no limit on A records', '1.2.3.12', 'e10', 'pass'],
    ['10 terms: fine', '1.2.3.4', 'e6', 'pass'],
    ['11 terms: permerror', '1.2.3.4', 'e7', 'permerror'],
    ['10 across an include: fine', '1.2.3.4', 'e8', 'pass'],
    ['11 across an include: permerror', '1.2.3.4', 'e9', 'permerror'],
    ['2 void lookups: fine', '1.2.3.4', 'e12', 'neutral'],
    ['3 void lookups: permerror', '1.2.3.4', 'e11', 'permerror'],
  ] as const)('%s', async (_name, ip, host, result) => {
    await run({ zone, ip, sender: `foo@${host}.example.com`, result: [result].flat() as SpfResult[] });
  });
});

describe('§4.6.4 the time limit on a whole check', () => {
  it('a check that runs past it is temperror, naming the limit', async () => {
    const slow: FakeRecords = { 'slow.example.com TXT': ['v=spf1 a:a.example.com a:b.example.com -all'] };
    const { ask } = fakeAsk(slow);
    const late = (name: string, type: Parameters<typeof ask>[1]) =>
      new Promise<Awaited<ReturnType<typeof ask>>>((resolve) => setTimeout(() => void ask(name, type).then(resolve), 30));
    const result = await checkSpf({ ip: '1.2.3.4', sender: 'x@slow.example.com' }, { ask: late, timeLimitMs: 50, prefetch: false, authorizedSenders: false });
    expect(result.result).toBe('temperror');
    expect(result.problem?.reason).toMatch(/ran out of time/);
  });
});
