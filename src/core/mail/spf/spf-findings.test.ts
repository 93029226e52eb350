import { describe, expect, it } from 'vitest';
import type { Finding } from '../../vocabulary';
import { fakeAsk, type FakeRecords } from '../testing/fake-ask';
import { newSpfSection, probeSpf } from './probe-spf';
import { spfFindings } from './spf-findings';
import type { SpfSection } from './types';

async function sectionFor(records: FakeRecords): Promise<SpfSection> {
  const section = newSpfSection();
  await probeSpf(section, { domain: 'example.com', ask: fakeAsk(records).ask });
  return section;
}

async function findingsFor(records: FakeRecords): Promise<Finding[]> {
  return spfFindings(await sectionFor(records), 'example.com');
}

const codes = (findings: Finding[]) => findings.map((finding) => finding.code);
const one = (findings: Finding[], code: string): Finding => {
  const found = findings.filter((finding) => finding.code === code);
  expect(found, `${code} in ${codes(findings).join(', ')}`).toHaveLength(1);
  return found[0]!;
};

/** A record with `count` lookups: includes of records without any. */
function withLookups(count: number, ending = '-all'): FakeRecords {
  const zone: FakeRecords = { 'example.com TXT': [`v=spf1 ${Array.from({ length: count }, (_, i) => `include:s${i}.example`).join(' ')} ${ending}`] };
  for (let i = 0; i < count; i += 1) zone[`s${i}.example TXT`] = [`v=spf1 ip4:192.0.2.${i} -all`];
  return zone;
}

describe('spfFindings: the record itself', () => {
  it('says nothing while the first answer is pending', () => {
    expect(spfFindings(newSpfSection('example.com'), 'example.com')).toEqual([]);
  });

  it('says all is well for one record ending in -all, with the lookup count', async () => {
    const findings = await findingsFor(withLookups(7));
    expect(findings).toEqual([
      {
        code: 'spf-ok',
        severity: 'ok',
        message: 'SPF for example.com ends in "-all": receivers may reject mail from servers it does not list. It needs 7 of 10 DNS lookups.',
        rfc: 'RFC 7208 §8.4',
        subject: 'example.com',
      },
    ]);
  });

  it('says all is well for ~all too, naming softfail, and follows a redirect to find the ending', async () => {
    const soft = one(await findingsFor({ 'example.com TXT': ['v=spf1 ip4:192.0.2.1 ~all'] }), 'spf-ok');
    expect(soft.message).toContain('ends in "~all"');
    expect(soft.message).toContain('softfail');
    expect(soft.message).toContain('0 of 10 DNS lookups');
    const redirected = one(await findingsFor({ 'example.com TXT': ['v=spf1 redirect=_spf.example.net'], '_spf.example.net TXT': ['v=spf1 -all'] }), 'spf-ok');
    expect(redirected.message).toContain('ends in "-all" (through its redirect to _spf.example.net)');
    expect(redirected.message).toContain('1 of 10');
  });

  it('warns when there is no SPF record, saying what receivers do and what to publish', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': ['hello'] }), 'spf-missing');
    expect(finding).toMatchObject({ severity: 'warn', rfc: 'RFC 7208 §4.5', subject: 'example.com' });
    expect(finding.message).toContain('SPF result "none"');
    expect(finding.message).toContain('"v=spf1 -all"');
  });

  it('leaves a domain that does not exist to the other findings', async () => {
    expect(await findingsFor({})).toEqual([]);
  });

  it('reports several records as a permerror', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': ['v=spf1 mx -all', 'v=spf1 a -all'] }), 'spf-multiple-records');
    expect(finding.severity).toBe('error');
    expect(finding.message).toMatch(/^example.com publishes 2 SPF records/);
    expect(finding.message).toContain('permerror');
  });

  it('names each syntax error with its term and the domain', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': ['v=spf1 ip4:192.0.2.300 foo:bar -all'] }), 'spf-syntax-error');
    expect(finding).toMatchObject({ severity: 'error', subject: 'example.com' });
    expect(finding.message).toContain(
      'The SPF record of example.com has 2 syntax errors: "ip4:192.0.2.300" ("192.0.2.300" is not an IPv4 address) and "foo:bar" ("foo" is not an SPF mechanism)',
    );
    expect(finding.message).toContain('permerror');
  });

  it('caps a long list of errors', async () => {
    const finding = one(
      await findingsFor({ 'example.com TXT': [`v=spf1 ${Array.from({ length: 40 }, (_, i) => `bad${i}`).join(' ')} -all`] }),
      'spf-syntax-error',
    );
    expect(finding.message).toContain('40 syntax errors');
    expect(finding.message).toContain('and 35 more');
  });

  it('warns when the lookup of the record fails (temperror)', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': 'servfail' }), 'spf-lookup-failed');
    expect(finding).toMatchObject({ severity: 'warn', rfc: 'RFC 7208 §4.4' });
    expect(finding.message).toContain('(SERVFAIL)');
    expect(finding.message).toContain('temperror');
  });
});

describe('spfFindings: how the record ends', () => {
  it('calls +all, and a bare all, an error: anyone may send as the domain', async () => {
    const plus = one(await findingsFor({ 'example.com TXT': ['v=spf1 mx +all'] }), 'spf-plus-all');
    expect(plus).toMatchObject({ severity: 'error', rfc: 'RFC 7208 §5.1' });
    expect(plus.message).toContain('anyone can send mail as example.com');
    const bare = one(await findingsFor({ 'example.com TXT': ['v=spf1 mx all'] }), 'spf-plus-all');
    expect(bare.message).toContain('"all" (the same as "+all")');
  });

  it('calls +all inside an include an error too: the include then matches everyone', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': ['v=spf1 include:lax.example -all'], 'lax.example TXT': ['v=spf1 +all'] }), 'spf-plus-all');
    expect(finding.subject).toBe('lax.example');
    expect(finding.message).toContain('The SPF record of lax.example (included by example.com) has "+all"');
    expect(finding.message).toContain('Remove "include:lax.example"');
  });

  it('warns about ?all: neutral protects nothing', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': ['v=spf1 mx ?all'] }), 'spf-neutral-all');
    expect(finding.severity).toBe('warn');
    expect(finding.message).toContain('ends in "?all" (neutral)');
  });

  it('ignores ?all inside an include: it only makes the include not match', async () => {
    expect(codes(await findingsFor({ 'example.com TXT': ['v=spf1 include:x.example -all'], 'x.example TXT': ['v=spf1 ip4:192.0.2.1 ?all'] }))).toEqual([
      'spf-ok',
    ]);
  });

  it('warns when there is neither all nor redirect: the default is neutral', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': ['v=spf1 ip4:192.0.2.1'] }), 'spf-no-all');
    expect(finding).toMatchObject({ severity: 'warn', rfc: 'RFC 7208 §4.7' });
    expect(finding.message).toContain('default result "neutral"');
  });

  it('looks through a redirect for the ending, and waits for it', async () => {
    const zone: FakeRecords = { 'example.com TXT': ['v=spf1 redirect=_spf.example.net'], '_spf.example.net TXT': ['v=spf1 a'] };
    const finding = one(await findingsFor(zone), 'spf-no-all');
    expect(finding.message).toContain('(through its redirect to _spf.example.net)');
    const section = await sectionFor(zone);
    section.root.children[0]!.status = 'pending';
    expect(codes(spfFindings(section, 'example.com'))).not.toContain('spf-no-all');
  });

  it('warns about a redirect next to all (it is ignored) and terms after all (never reached)', async () => {
    const findings = await findingsFor({ 'example.com TXT': ['v=spf1 mx -all include:late.example redirect=r.example'] });
    expect(one(findings, 'spf-redirect-ignored').message).toContain('has both "-all" and "redirect=r.example"');
    expect(one(findings, 'spf-terms-after-all').message).toContain('"include:late.example" comes after "-all" and is never evaluated');
  });
});

describe('spfFindings: terms', () => {
  it('warns about ptr (RFC 7208 §5.5: SHOULD NOT be used)', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': ['v=spf1 ptr:example.com -all'] }), 'spf-ptr');
    expect(finding).toMatchObject({ severity: 'warn', rfc: 'RFC 7208 §5.5' });
    expect(finding.message).toContain('uses "ptr:example.com"');
    expect(finding.message).toContain('SHOULD NOT');
  });

  it('warns about include= written as a modifier, which receivers ignore', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': ['v=spf1 include=_spf.example.net -all'] }), 'spf-ignored-modifier');
    expect(finding.message).toContain('"include=_spf.example.net"');
    expect(finding.message).toContain('"include:_spf.example.net"');
  });

  it('notes macros, which are not expanded nor followed', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': ['v=spf1 exists:%{i}._spf.example.com -all'] }), 'spf-macro');
    expect(finding.severity).toBe('info');
    expect(finding.message).toContain('"exists:%{i}._spf.example.com"');
  });

  it('keeps HTML in a record as text in the message', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': ['v=spf1 <img/src=x> -all'] }), 'spf-syntax-error');
    expect(finding.message).toContain('"<img/src=x>"');
  });
});

describe('spfFindings: includes and redirects', () => {
  it('calls an include without an SPF record, or that does not exist, a permerror', async () => {
    const findings = await findingsFor({ 'example.com TXT': ['v=spf1 include:none.example include:gone.example -all'], 'none.example TXT': ['x'] });
    const [none, gone] = findings.filter((finding) => finding.code === 'spf-include-no-record');
    expect(none).toMatchObject({ severity: 'error', rfc: 'RFC 7208 §5.2', subject: 'none.example' });
    expect(none!.message).toContain('"include:none.example" in the SPF record of example.com: none.example publishes no SPF record');
    expect(gone!.message).toContain('gone.example does not exist (NXDOMAIN)');
  });

  it('calls a redirect without an SPF record a permerror too', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': ['v=spf1 redirect=gone.example'] }), 'spf-redirect-no-record');
    expect(finding).toMatchObject({ severity: 'error', rfc: 'RFC 7208 §6.1' });
  });

  it('warns when an include could not be looked up (temperror)', async () => {
    const finding = one(await findingsFor({ 'example.com TXT': ['v=spf1 include:slow.example -all'], 'slow.example TXT': 'error' }), 'spf-lookup-failed');
    expect(finding.message).toContain('"include:slow.example" in the SPF record of example.com: looking up slow.example failed (no resolver answered)');
  });

  it('reports several records at an include, naming the include', async () => {
    const finding = one(
      await findingsFor({ 'example.com TXT': ['v=spf1 include:two.example -all'], 'two.example TXT': ['v=spf1 -all', 'v=spf1 ~all'] }),
      'spf-multiple-records',
    );
    expect(finding.message).toContain('two.example (named by "include:two.example" in the SPF record of example.com) publishes 2 SPF records');
  });

  it('reports a loop with its path', async () => {
    const finding = one(
      await findingsFor({
        'example.com TXT': ['v=spf1 include:a.example -all'],
        'a.example TXT': ['v=spf1 include:b.example -all'],
        'b.example TXT': ['v=spf1 include:a.example -all'],
      }),
      'spf-include-loop',
    );
    expect(finding.message).toContain('"include:a.example" in the SPF record of b.example leads back to a.example');
    expect(finding.message).toContain('(example.com → a.example → b.example → a.example)');
  });

  it('says a finding once when the same include is reached twice', async () => {
    const findings = await findingsFor({
      'example.com TXT': ['v=spf1 include:a.example include:b.example -all'],
      'a.example TXT': ['v=spf1 include:lax.example -all'],
      'b.example TXT': ['v=spf1 include:lax.example -all'],
      'lax.example TXT': ['v=spf1 ptr -all'],
    });
    // Two paths, two messages (each names its includer), but never the same message twice.
    expect(new Set(findings.map((finding) => finding.message)).size).toBe(findings.length);
  });
});

describe('spfFindings: the limits (RFC 7208 §4.6.4)', () => {
  it('calls more than 10 lookups an error, "fails with permerror at most receivers", naming the largest shares', async () => {
    const zone = withLookups(9);
    zone['s0.example TXT'] = ['v=spf1 include:t1.example include:t2.example include:t3.example -all'];
    for (const name of ['t1', 't2', 't3']) zone[`${name}.example TXT`] = ['v=spf1 -all'];
    const finding = one(await findingsFor(zone), 'spf-too-many-lookups');
    expect(finding).toMatchObject({ severity: 'error', rfc: 'RFC 7208 §4.6.4', subject: 'example.com' });
    expect(finding.message).toContain('needs 12 DNS lookups');
    expect(finding.message).toContain('SPF check fails with permerror at most receivers');
    expect(finding.message).toContain('The largest shares: "include:s0.example" (4)');
  });

  it('says "at least" while the count can still grow', async () => {
    const section = await sectionFor(withLookups(11));
    section.status = 'pending';
    expect(one(spfFindings(section, 'example.com'), 'spf-too-many-lookups').message).toContain('needs at least 11 DNS lookups');
  });

  it('notes 8 lookups (info) and warns at 9 and 10, only once the count is final', async () => {
    expect(one(await findingsFor(withLookups(8)), 'spf-near-lookup-limit').severity).toBe('info');
    expect(one(await findingsFor(withLookups(9)), 'spf-near-lookup-limit').severity).toBe('warn');
    const ten = one(await findingsFor(withLookups(10)), 'spf-near-lookup-limit');
    expect(ten.message).toContain('needs 10 of the 10 DNS lookups');
    expect(ten.message).toContain('one more lookup');
    expect(codes(await findingsFor(withLookups(7)))).toEqual(['spf-ok']);
    const pending = await sectionFor(withLookups(9));
    pending.status = 'pending';
    expect(codes(spfFindings(pending, 'example.com'))).toEqual([]);
  });

  it('keeps the ok finding beside the info note at 8', async () => {
    expect(codes(await findingsFor(withLookups(8)))).toEqual(['spf-near-lookup-limit', 'spf-ok']);
  });

  it('calls more than 2 void lookups an error, naming each term', async () => {
    const finding = one(
      await findingsFor({
        'example.com TXT': ['v=spf1 a:gone1.example.com a:gone2.example.com mx:nomx.example.com -all'],
        'nomx.example.com A': ['192.0.2.1'],
      }),
      'spf-too-many-void-lookups',
    );
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('The SPF record of example.com and its includes have 3 terms that name a domain without');
    expect(finding.message).toContain('"a:gone1.example.com" in example.com (gone1.example.com does not exist)');
    expect(finding.message).toContain('"mx:nomx.example.com" in example.com (nomx.example.com has no MX record)');
  });

  it('says "at least" void lookups when some checks were not asked', async () => {
    const section = await sectionFor({ 'example.com TXT': ['v=spf1 a:gone1.example.com a:gone2.example.com a:gone3.example.com -all'] });
    section.root.checks[0]!.status = 'skipped';
    expect(one(spfFindings(section, 'example.com'), 'spf-too-many-void-lookups').message).toContain('have at least 3 terms');
  });

  it('allows 2 void lookups, counting them in the ok finding', async () => {
    const findings = await findingsFor({ 'example.com TXT': ['v=spf1 a:gone1.example.com a:gone2.example.com -all'] });
    expect(codes(findings)).toEqual(['spf-ok']);
    expect(findings[0]!.message).toContain('2 of 10 DNS lookups and 2 of 2 void lookups');
  });

  it('calls an mx term with more than 10 MX hosts an error', async () => {
    const hosts = Array.from({ length: 12 }, (_, i) => `mx${i}.example.com`);
    const finding = one(await findingsFor({ 'example.com TXT': ['v=spf1 mx -all'], 'example.com MX': hosts }), 'spf-mx-too-many-hosts');
    expect(finding.message).toContain('"mx" in the SPF record of example.com: example.com has 12 MX hosts');
  });

  it('counts at least what is known when a branch uses a macro', async () => {
    const findings = await findingsFor({ 'example.com TXT': ['v=spf1 include:%{d}.spf.example.net -all'] });
    expect(codes(findings)).toEqual(['spf-macro', 'spf-ok']);
    expect(one(findings, 'spf-ok').message).toContain('at least 1 of 10');
  });
});

describe('thousands of terms (issue #16: a TXT record of 5,000 strings)', () => {
  it('are counted as terms, not as lookups receivers would make', async () => {
    const { lookupsText } = await import('./spf-wording');
    expect(lookupsText(2500)).toBe('2500 lookup terms, receivers stop at 11');
    expect(lookupsText(13)).toBe('13 lookups');
  });
});
