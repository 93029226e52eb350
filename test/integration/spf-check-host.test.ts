/**
 * check_host() (RFC 7208, issue #15) against real DNS software: knotd serving
 * test/zones/spf-check.inc through dnsdist (DoH), one test per rule, named after its section.
 * Every case runs twice, fetching ahead and sequentially, with a fresh client each time, and
 * the two must agree on everything but the round trips and questions.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DohClient } from '../../src/core/doh/doh-client';
import { customProvider } from '../../src/core/doh/providers';
import { checkSpf, clientAsk, type SpfCheck, type SpfProblem } from '../../src/core/mail/spf/check-host';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
afterAll(() => trusted.close());

function newClient(url = stack.dohUrl, timeoutMs = 3_000): DohClient {
  return new DohClient({ providers: [customProvider(url)], fetch: trusted.fetch, timeoutMs });
}

interface Case {
  ip: string;
  sender: string;
  helo?: string;
  result: SpfCheck['result'];
  lookups?: number;
  voidLookups?: number;
  path?: string;
  explanation?: string | RegExp | null;
  problem?: Partial<SpfProblem>;
}

/** Runs the case both ways and returns the prefetching run; fails if the two disagree. */
async function check(c: Case, url?: string): Promise<SpfCheck> {
  const run = (prefetch: boolean) => checkSpf({ ip: c.ip, sender: c.sender, helo: c.helo ?? null }, { ask: clientAsk(newClient(url)), prefetch, now: () => 0 });
  const [ahead, sequential] = await Promise.all([run(true), run(false)]);
  const same = (r: SpfCheck) => ({ ...r, roundTrips: 0, questions: 0, prefetch: false });
  expect(same(ahead), 'fetching ahead changes nothing but round trips').toEqual(same(sequential));
  expect(ahead.roundTrips).toBeLessThanOrEqual(sequential.roundTrips);
  expect(ahead.result).toBe(c.result);
  if (c.lookups !== undefined) expect(ahead.lookups).toBe(c.lookups);
  if (c.voidLookups !== undefined) expect(ahead.voidLookups).toBe(c.voidLookups);
  if (c.path !== undefined) expect(ahead.pathText).toBe(c.path);
  if (c.explanation !== undefined) {
    if (c.explanation instanceof RegExp) expect(ahead.explanation).toMatch(c.explanation);
    else expect(ahead.explanation).toBe(c.explanation);
  }
  if (c.problem) expect(ahead.problem).toMatchObject(c.problem);
  if (c.result !== 'fail') expect(ahead.explanation).toBeNull();
  return ahead;
}

const D = 'spf-check.test';

describe('RFC 7208 check_host() on the fixture zones, fetching ahead and sequentially', () => {
  it('§2.3 HELO identity: an empty MAIL FROM checks postmaster@<helo>', async () => {
    const result = await check({ ip: '192.0.2.10', sender: '', helo: `helo.${D}`, result: 'pass', lookups: 1 });
    expect(result).toMatchObject({ identity: 'helo', sender: `postmaster@helo.${D}`, domain: `helo.${D}` });
  });

  it('§4.3 an invalid domain (single label, domain literal) is none without a question', async () => {
    const single = await check({ ip: '192.0.2.10', sender: 'user@localhostonly', result: 'none', problem: { section: '4.3' } });
    expect(single.questions).toBe(0);
    await check({ ip: '192.0.2.10', sender: 'user@[192.0.2.10]', result: 'none' });
  });

  it('§4.3 a domain that does not exist is none; no local-part means postmaster', async () => {
    const result = await check({ ip: '192.0.2.10', sender: '@does-not-exist.test', result: 'none' });
    expect(result.sender).toBe('postmaster@does-not-exist.test');
  });

  it('§4.4 a DNS error on the record is temperror, not none', async () => {
    await check({ ip: '192.0.2.10', sender: 'a@servfail.test', result: 'temperror', problem: { section: '4.4' } });
  });

  it('§4.5 no SPF record is none; two records are permerror; TXT strings are joined', async () => {
    await check({ ip: '192.0.2.10', sender: 'a@no-spf.test', result: 'none', problem: { section: '4.5' } });
    await check({ ip: '192.0.2.10', sender: 'a@spf-multiple.test', result: 'permerror', problem: { section: '4.5' } });
    await check({ ip: '192.0.2.10', sender: 'a@spf-split.test', result: 'pass', path: 'spf-split.test → ip4:192.0.2.10 matched' });
  });

  it('§4.6 a syntax error anywhere is permerror, naming the term', async () => {
    await check({ ip: '192.0.2.10', sender: 'a@spf-syntax.test', result: 'permerror', problem: { term: 'ip4:999.1.1.1' } });
  });

  it('§4.6.4 exactly 10 DNS-querying terms pass; the 11th is permerror', async () => {
    await check({ ip: '203.0.113.10', sender: `a@limit10.${D}`, result: 'pass', lookups: 10 });
    const over = await check({
      ip: '203.0.113.10',
      sender: `a@limit11.${D}`,
      result: 'permerror',
      lookups: 11,
      problem: { term: 'a:mx.one-mx.test', section: '4.6.4' },
    });
    expect(over.problem?.reason).toMatch(/number 11/);
  });

  it('§4.6.4 the 11th lookup deep in an include chain (spf-too-many.test) is permerror there', async () => {
    const result = await check({
      ip: '203.0.113.99',
      sender: 'a@spf-too-many.test',
      result: 'permerror',
      lookups: 11,
      problem: { term: 'include:_s4.spf-too-many.test', domain: '_s3.spf-too-many.test' },
    });
    expect(result.pathText).toBe(
      'spf-too-many.test → include:_s1.spf-too-many.test → include:_s2.spf-too-many.test → include:_s3.spf-too-many.test → include:_s4.spf-too-many.test: permerror (it is DNS-querying term number 11; a check may evaluate at most 10 (include, a, mx, ptr, exists, redirect))',
    );
  });

  it('§4.6.4 an include loop ends in permerror at the limit', async () => {
    await check({ ip: '203.0.113.99', sender: 'a@spf-loop.test', result: 'permerror', lookups: 11 });
  });

  it('§4.6.4 two void lookups are allowed, the third is permerror', async () => {
    await check({ ip: '203.0.113.5', sender: `a@void2.${D}`, result: 'neutral', voidLookups: 2 });
    await check({ ip: '203.0.113.5', sender: `a@void3.${D}`, result: 'permerror', voidLookups: 3, problem: { term: `a:nx3.${D}`, section: '4.6.4' } });
  });

  it('§4.6.4 an mx naming more than 10 MX records is permerror', async () => {
    await check({ ip: '192.0.2.10', sender: `a@mx11.${D}`, result: 'permerror', problem: { term: 'mx', section: '4.6.4' } });
  });

  it('§4.7 no match and no redirect: neutral', async () => {
    await check({ ip: '198.51.100.1', sender: `a@default.${D}`, result: 'neutral', path: `default.${D} → no mechanism matched (default neutral)` });
  });

  it('§5.1 all matches, and terms after it are never evaluated', async () => {
    await check({ ip: '198.51.100.1', sender: 'a@null-mx.test', result: 'fail', lookups: 0, path: 'null-mx.test → -all matched' });
  });

  it('§5.2 include: pass through an include; its softfail does not match', async () => {
    await check({
      ip: '203.0.113.5',
      sender: `a@incl.${D}`,
      result: 'pass',
      lookups: 1,
      path: `incl.${D} → include:_spf.incl.${D} → ip4:203.0.113.0/24 matched`,
    });
    await check({ ip: '2001:db8:5bf::9', sender: `a@incl.${D}`, result: 'pass', path: `incl.${D} → include:_spf.incl.${D} → ip6:2001:db8:5bf::/48 matched` });
    await check({ ip: '192.0.2.99', sender: `a@incl.${D}`, result: 'fail', path: `incl.${D} → -all matched` });
  });

  it('§5.2 an include whose target has no SPF record is permerror; its temperror is temperror', async () => {
    await check({ ip: '192.0.2.99', sender: `a@inc-none.${D}`, result: 'permerror', problem: { term: 'include:no-spf.test', section: '5.2' } });
    await check({ ip: '192.0.2.99', sender: `a@temp.${D}`, result: 'temperror', problem: { term: 'include:servfail.test' } });
    // A match before the failing include decides first.
    await check({ ip: '203.0.113.5', sender: `a@temp.${D}`, result: 'pass' });
  });

  it('§5.3 a with a dual CIDR length, per address family; a DNS error is temperror', async () => {
    await check({ ip: '192.0.2.77', sender: `a@dual.${D}`, result: 'pass' });
    await check({ ip: '2001:db8::ffff', sender: `a@dual.${D}`, result: 'pass' });
    await check({ ip: '2001:db8:1::1', sender: `a@dual.${D}`, result: 'fail' });
    await check({ ip: '192.0.2.10', sender: `a@temp-a.${D}`, result: 'temperror', problem: { term: 'a:mx.servfail.test', section: '5' } });
  });

  it('§5.4 mx with a prefix length; a null MX and a missing MX never match', async () => {
    await check({ ip: '192.0.2.55', sender: `a@mx24.${D}`, result: 'pass' });
    await check({ ip: '192.0.2.10', sender: `a@nullmx.${D}`, result: 'neutral' });
    await check({ ip: '192.0.2.10', sender: `a@nomx.${D}`, result: 'fail', voidLookups: 1 });
  });

  it('§5.5 ptr matches a validated name at or below the target; a PTR that does not confirm fails', async () => {
    await check({ ip: '198.51.100.200', sender: `a@ptr.${D}`, result: 'pass', path: `ptr.${D} → ptr:${D} matched` });
    await check({ ip: '2001:db8:5bf::1', sender: `a@ptr.${D}`, result: 'fail', explanation: '2001:db8:5bf::1 (validated name unknown) is not allowed' });
  });

  it('§5.6 ip4/ip6: an IPv4-mapped IPv6 address is checked as IPv4', async () => {
    const result = await check({ ip: '::ffff:203.0.113.5', sender: `a@incl.${D}`, result: 'pass' });
    expect(result).toMatchObject({ ip: '203.0.113.5', family: 4 });
  });

  it('§5.7 exists with macros (%{ir}, %{l1r-})', async () => {
    await check({ ip: '203.0.113.5', sender: `strong-bad@exists.${D}`, result: 'pass' });
    await check({ ip: '203.0.113.6', sender: `strong-bad@exists.${D}`, result: 'fail', voidLookups: 1 });
  });

  it('§6 an unknown modifier is ignored; redirect= or exp= twice is permerror', async () => {
    await check({ ip: '203.0.113.5', sender: `a@unknown-mod.${D}`, result: 'pass' });
    await check({ ip: '203.0.113.5', sender: `a@dup-redirect.${D}`, result: 'permerror', problem: { section: '6' } });
    await check({ ip: '203.0.113.5', sender: `a@dup-exp.${D}`, result: 'permerror', problem: { section: '6' } });
  });

  it('§6.1 redirect: the target decides, with its own name for "a"; its exp replaces the original', async () => {
    await check({ ip: '192.0.2.10', sender: `a@redir.${D}`, result: 'pass', lookups: 2, path: `redir.${D} → redirect=_t.redir.${D} → a matched` });
    await check({ ip: '192.0.2.99', sender: `a@redir.${D}`, result: 'fail', explanation: `redir.${D} does not designate 192.0.2.99 as a permitted sender` });
    await check({ ip: '192.0.2.99', sender: `a@redir-none.${D}`, result: 'permerror', problem: { section: '6.1' } });
  });

  it('§6.2 exp= is expanded for fail only; a DNS error or two TXT records mean the default', async () => {
    await check({
      ip: '192.0.2.99',
      sender: `Bob.Smith@exp.${D}`,
      result: 'fail',
      explanation: `192.0.2.99 is not one of exp.${D}'s mail servers; see https://exp.${D}/spf?s=Bob.Smith%40exp.${D}`,
    });
    await check({ ip: '203.0.113.5', sender: `a@exp.${D}`, result: 'pass', explanation: null });
    await check({
      ip: '192.0.2.99',
      sender: `a@exp-servfail.${D}`,
      result: 'fail',
      explanation: `exp-servfail.${D} does not designate 192.0.2.99 as a permitted sender`,
    });
    await check({ ip: '192.0.2.99', sender: `a@exp-two.${D}`, result: 'fail', explanation: /does not designate/ });
  });

  it('§7.3 %{p} is the validated name of the address', async () => {
    await check({ ip: '198.51.100.200', sender: `a@ptr.${D}`, result: 'pass' });
    // On fail the explanation names it: make one with a name that validates but is not below the target.
  });

  it('§8.4-§8.5 softfail and neutral qualifiers', async () => {
    await check({ ip: '203.0.113.5', sender: `a@soft.${D}`, result: 'neutral', path: `soft.${D} → ?ip4:203.0.113.5 matched` });
    await check({ ip: '203.0.113.6', sender: `a@soft.${D}`, result: 'softfail' });
  });

  it('a three-level include tree: the same answer, fewer round trips when fetching ahead', async () => {
    const result = await check({
      ip: '203.0.113.70',
      sender: `a@tree.${D}`,
      result: 'pass',
      lookups: 7,
      path: `tree.${D} → include:_l1b.tree.${D} → include:_l2b.tree.${D} → include:_l3b.tree.${D} → ip4:203.0.113.64/26 matched`,
    });
    expect(result.roundTrips).toBe(4);
    const sequential = await checkSpf({ ip: '203.0.113.70', sender: `a@tree.${D}` }, { ask: clientAsk(newClient()), prefetch: false });
    expect(sequential.roundTrips).toBe(8);
    expect(result.authorized).toMatchObject({ total4: String(16 + 16 + 64), total6: String(2n ** 64n) });
    expect(result.authorized?.names.map((n) => n.term)).toEqual(['a:mx.one-mx.test', 'mx:one-mx.test']);
  });

  it('§4.4 a resolver that never answers: temperror', async () => {
    const result = await check({ ip: '203.0.113.5', sender: `a@incl.${D}`, result: 'temperror' }, `${stack.faultUrl}/hang/dns-query`);
    expect(result.problem?.reason).toMatch(/no answer/);
  }, 20_000);
});
