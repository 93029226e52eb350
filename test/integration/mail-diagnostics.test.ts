/**
 * The mail diagnostics (issue #7) against real DNS software: `lookupMail` with `diagnostics` on,
 * through dnsdist (DoH) in front of knotd serving test/zones, one block per tricky fixture
 * (test/zones/README.md). Then the promise that none of it slows the MX list, measured from the
 * fault server's request log rather than from the engine's own counters, and cancellation.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { Agent, fetch as undiciFetch } from 'undici';
import { encodeQuery } from '../../src/core/dns/wire-codec';
import { base64Url } from '../../src/core/doh/doh-request';
import { DohClient } from '../../src/core/doh/doh-client';
import { customProvider } from '../../src/core/doh/providers';
import { lookupMail } from '../../src/core/lookup/lookup-mail';
import type { DiagnosticsOptions, MailDiagnostics, MailSectionId } from '../../src/core/mail/mail-diagnostics';
import type { PolicyFetcher } from '../../src/core/mail/mta-sts';
import type { SpfNode } from '../../src/core/mail/spf';
import { parseQuery } from '../../src/core/query';
import { routingSettled } from '../../src/core/lookup/routing-progress';
import type { Finding, Report } from '../../src/core/report';
import { criticalPathDepth, type FaultLogEntry } from '../stack/fault-log';
import { clearFaultLog, readFaultLog } from '../stack/fault-log-client';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
afterAll(() => trusted.close());

function newClient(url = stack.dohUrl, timeoutMs = 2_000): DohClient {
  return new DohClient({ providers: [customProvider(url)], fetch: trusted.fetch, timeoutMs });
}

let tagCounter = 0;
const faultUrl = (modes: string) => {
  const tag = `mail-diag-${process.pid}-${++tagCounter}`;
  return { tag, url: `${stack.faultUrl}/tag/${tag}/${modes ? `${modes}/` : ''}dns-query` };
};

/** Every diagnostic the engine has: blocklists on, and one selector the user added. */
const EVERYTHING: DiagnosticsOptions = { blocklists: true, dkimSelectors: ['custom-sel'] };

/** One lookup per fixture and option set, shared by the tests that read it. */
const memo = new Map<string, Promise<Report>>();
function diagnose(domain: string, diagnostics: DiagnosticsOptions = {}): Promise<Report> {
  const key = `${domain} ${JSON.stringify({ ...diagnostics, fetchPolicy: undefined })}`;
  if (diagnostics.fetchPolicy) return run(domain, diagnostics);
  if (!memo.has(key)) memo.set(key, run(domain, diagnostics));
  return memo.get(key)!;
}

async function run(domain: string, diagnostics: DiagnosticsOptions): Promise<Report> {
  const report = await lookupMail(parseQuery(domain), newClient(), { diagnostics });
  expect(report.status).toBe('done');
  expect(report.mail, 'report.mail').toBeDefined();
  expect(report.mail!.status).toBe('done');
  return report;
}

const mailOf = (report: Report): MailDiagnostics => report.mail!;
const findings = (report: Report, section: MailSectionId): Finding[] => mailOf(report).findings[section] ?? [];
const codes = (report: Report, section: MailSectionId): string[] => findings(report, section).map((f) => f.code);
const finding = (report: Report, section: MailSectionId, code: string): Finding | undefined => findings(report, section).find((f) => f.code === code);

/** The SPF tree as `domain via status [records]` lines, depth-first, indented by level. */
function spfTree(node: SpfNode, level = 0): string[] {
  return [`${'  '.repeat(level)}${node.domain} ${node.via} ${node.status}`, ...node.children.flatMap((child) => spfTree(child, level + 1))];
}

describe('SPF (RFC 7208) on the fixture zones', () => {
  it('spf-tree.test: follows the include tree three levels down and counts 5 lookups, 0 void', async () => {
    const report = await diagnose('spf-tree.test');
    const spf = mailOf(report).spf;
    expect(spf.status).toBe('done');
    expect(spfTree(spf.root)).toEqual([
      'spf-tree.test root ok',
      '  _spf.spf-tree.test include ok',
      '    _inner.spf-tree.test include ok',
      '  _spf2.spf-tree.test include ok',
    ]);
    expect(spf.root.records).toEqual(['v=spf1 include:_spf.spf-tree.test include:_spf2.spf-tree.test mx a:mail.spf-tree.test ~all']);
    expect(spf.root.children[0]!.children[0]!.records).toEqual(['v=spf1 ip4:192.0.2.0/24 -all']);
    expect(spf.lookups).toBe(5);
    expect(spf.voidLookups).toBe(0);
    expect(spf.root.checks.map((c) => `${c.term} ${c.name} ${c.type} ${c.status}`)).toEqual([
      'mx spf-tree.test MX ok',
      'a:mail.spf-tree.test mail.spf-tree.test A ok',
    ]);
    expect(codes(report, 'spf')).toEqual(['spf-ok']);
    expect(finding(report, 'spf', 'spf-ok')!.message).toContain('5 of 10 DNS lookups');
    // Its own chain: TXT, then the includes, then _inner: 3 round trips.
    expect(mailOf(report).roundTrips).toBe(3);
  });

  it('spf-too-many.test: 13 DNS-querying terms across four include levels, over the limit of 10 (permerror)', async () => {
    const report = await diagnose('spf-too-many.test');
    const spf = mailOf(report).spf;
    expect(spf.lookups).toBe(13);
    expect(spf.voidLookups).toBe(0);
    expect(spfTree(spf.root)).toEqual([
      'spf-too-many.test root ok',
      '  _s1.spf-too-many.test include ok',
      '    _s2.spf-too-many.test include ok',
      '      _s3.spf-too-many.test include ok',
      '        _s4.spf-too-many.test include ok',
    ]);
    const tooMany = finding(report, 'spf', 'spf-too-many-lookups');
    expect(tooMany).toMatchObject({ severity: 'error', rfc: 'RFC 7208 §4.6.4' });
    expect(tooMany!.message).toContain('needs 13 DNS lookups');
    expect(codes(report, 'spf')).not.toContain('spf-ok');
    // Root TXT, then _s1, _s2, _s3, _s4: five round trips (the a/mx checks of the deeper levels are cache hits).
    expect(mailOf(report).roundTrips).toBe(5);
  });

  it('spf-void.test: an include of a name with no record, and the void a: checks', async () => {
    const report = await diagnose('spf-void.test');
    const spf = mailOf(report).spf;
    expect(spf.lookups).toBe(3);
    expect(spf.root.checks.map((c) => `${c.name} ${c.type} ${c.status}`)).toEqual(['void1.spf-void.test A nxdomain', 'void2.spf-void.test A nodata']);
    expect(spfTree(spf.root)).toEqual(['spf-void.test root ok', '  missing.spf-void.test include nxdomain']);
    expect(finding(report, 'spf', 'spf-include-no-record')).toMatchObject({ severity: 'error', subject: 'missing.spf-void.test' });
  });

  // RFC 7208 §4.6.4 counts an include: that finds nothing as a void lookup too (this suite found
  // it was not counted).
  it('spf-void.test: counts 3 void lookups (a:void1 NXDOMAIN, a:void2 NODATA, include:missing NXDOMAIN) and says so', async () => {
    const report = await diagnose('spf-void.test');
    expect(mailOf(report).spf.voidLookups).toBe(3);
    expect(finding(report, 'spf', 'spf-too-many-void-lookups')).toMatchObject({ severity: 'error', rfc: 'RFC 7208 §4.6.4' });
  });

  it('spf-multiple.test: two v=spf1 records are a permerror and neither is read', async () => {
    const report = await diagnose('spf-multiple.test');
    const root = mailOf(report).spf.root;
    expect(root.status).toBe('multiple');
    expect([...root.records].sort()).toEqual(['v=spf1 ip4:192.0.2.10 ~all', 'v=spf1 mx -all']);
    expect(root.terms).toEqual([]);
    expect(mailOf(report).spf.lookups).toBe(0);
    expect(finding(report, 'spf', 'spf-multiple-records')).toMatchObject({ severity: 'error', rfc: 'RFC 7208 §4.5' });
    expect(codes(report, 'spf')).not.toContain('spf-ok');
  });

  it('spf-plus-all.test: +all passes every server', async () => {
    const report = await diagnose('spf-plus-all.test');
    expect(mailOf(report).spf.root.status).toBe('ok');
    expect(finding(report, 'spf', 'spf-plus-all')).toMatchObject({ severity: 'error', subject: 'spf-plus-all.test' });
    expect(codes(report, 'spf')).not.toContain('spf-ok');
  });

  it('spf-loop.test: an include loop is detected and not followed round', async () => {
    const report = await diagnose('spf-loop.test');
    const spf = mailOf(report).spf;
    expect(spfTree(spf.root)).toEqual([
      'spf-loop.test root ok',
      '  _a.spf-loop.test include ok',
      '    _b.spf-loop.test include ok',
      '      _a.spf-loop.test include loop',
    ]);
    expect(spf.root.children[0]!.children[0]!.children[0]!.txtStatus).toBe('skipped');
    expect(finding(report, 'spf', 'spf-include-loop')).toMatchObject({ severity: 'error', subject: '_a.spf-loop.test' });
  });

  it('spf-syntax.test: a bad address and an unknown mechanism are syntax errors', async () => {
    const report = await diagnose('spf-syntax.test');
    const root = mailOf(report).spf.root;
    expect(root.status).toBe('syntax-error');
    expect(root.errors).toHaveLength(2);
    expect(root.errors.join(' ')).toContain('999.1.1.1');
    expect(root.errors.join(' ')).toContain('foo');
    const syntax = finding(report, 'spf', 'spf-syntax-error');
    expect(syntax).toMatchObject({ severity: 'error' });
    expect(syntax!.message).toContain('2 syntax errors');
  });

  it('spf-redirect.test: follows redirect= and ends in its -all', async () => {
    const report = await diagnose('spf-redirect.test');
    const spf = mailOf(report).spf;
    expect(spfTree(spf.root)).toEqual(['spf-redirect.test root ok', '  _spf.spf-redirect.test redirect ok']);
    expect(spf.root.children[0]!.records).toEqual(['v=spf1 ip4:192.0.2.0/24 -all']);
    expect(spf.lookups).toBe(1);
    const ok = finding(report, 'spf', 'spf-ok');
    expect(ok!.message).toContain('through its redirect to _spf.spf-redirect.test');
    expect(mailOf(report).roundTrips).toBe(2);
  });

  it('spf-ptr.test: ptr (do not use) and ?all (neutral)', async () => {
    const report = await diagnose('spf-ptr.test');
    expect(mailOf(report).spf.lookups).toBe(1);
    expect(finding(report, 'spf', 'spf-ptr')).toMatchObject({ severity: 'warn', rfc: 'RFC 7208 §5.5' });
    expect(finding(report, 'spf', 'spf-neutral-all')).toMatchObject({ severity: 'warn' });
    expect(codes(report, 'spf')).not.toContain('spf-ok');
  });

  it('spf-no-all.test: neither all nor redirect', async () => {
    const report = await diagnose('spf-no-all.test');
    expect(finding(report, 'spf', 'spf-no-all')).toMatchObject({ severity: 'warn', rfc: 'RFC 7208 §4.7' });
    expect(codes(report, 'spf')).not.toContain('spf-ok');
  });

  it('spf-split.test: one record in two strings is joined with nothing between (RFC 7208 §3.3)', async () => {
    const report = await diagnose('spf-split.test');
    const root = mailOf(report).spf.root;
    expect(root.records).toEqual(['v=spf1 ip4:192.0.2.10 mx -all']);
    expect(root.status).toBe('ok');
    expect(root.errors).toEqual([]);
    expect(codes(report, 'spf')).toEqual(['spf-ok']);
  });

  it('no-spf.test: a TXT record that is not SPF is not an SPF record', async () => {
    const report = await diagnose('no-spf.test');
    expect(mailOf(report).spf.root).toMatchObject({ status: 'none', txtStatus: 'ok', records: [] });
    expect(finding(report, 'spf', 'spf-missing')).toMatchObject({ severity: 'warn' });
  });
});

describe('DMARC (RFC 7489, DMARCbis) on the fixture zones', () => {
  it('dmarc-none.test: p=none is monitoring only', async () => {
    const report = await diagnose('dmarc-none.test');
    const dmarc = mailOf(report).dmarc;
    expect(dmarc.policy).toMatchObject({ source: 'domain', domain: 'dmarc-none.test', record: 'v=DMARC1; p=none', effective: 'none', tag: 'p' });
    expect(finding(report, 'dmarc', 'dmarc-policy-none')).toMatchObject({ severity: 'warn' });
    expect(codes(report, 'dmarc')).toContain('dmarc-no-reports');
    expect(codes(report, 'dmarc')).not.toContain('dmarc-enforced');
  });

  it('dmarc-reject.test: every tag read, enforced, reports asked for', async () => {
    const report = await diagnose('dmarc-reject.test');
    const policy = mailOf(report).dmarc.policy!;
    expect(policy).toMatchObject({ source: 'domain', effective: 'reject', tag: 'p' });
    expect(policy.parsed.tags).toMatchObject({ p: 'reject', sp: 'reject', adkim: 's', aspf: 's', pct: 100, rua: ['mailto:dmarc@dmarc-reject.test'] });
    expect(policy.parsed.errors).toEqual([]);
    // pct=100 is historic in RFC 9989: said in a note, and never changes the policy.
    expect(codes(report, 'dmarc')).toEqual(['dmarc-enforced', 'dmarc-historic-tags']);
  });

  it('dmarc-bad.test: an unknown policy and pct over 100 are syntax errors, and no policy applies', async () => {
    const report = await diagnose('dmarc-bad.test');
    const policy = mailOf(report).dmarc.policy!;
    expect(policy.record).toBe('v=DMARC1; p=block; pct=200');
    expect(policy.parsed.errors).toHaveLength(2);
    expect(policy.parsed.errors.join(' ')).toMatch(/p=block/);
    expect(policy.parsed.errors.join(' ')).toMatch(/pct=200/);
    expect(policy.parsed.fallback).toBe('ignored');
    expect(policy.effective).toBeUndefined();
    expect(finding(report, 'dmarc', 'dmarc-syntax')).toMatchObject({ severity: 'error' });
    expect(codes(report, 'dmarc')).not.toContain('dmarc-enforced');
  });

  it('dmarc-multiple.test: two records, so none applies', async () => {
    const report = await diagnose('dmarc-multiple.test');
    const dmarc = mailOf(report).dmarc;
    expect([...dmarc.lookups[0]!.records].sort()).toEqual(['v=DMARC1; p=none', 'v=DMARC1; p=reject']);
    expect(dmarc.policy).toBeUndefined();
    expect(finding(report, 'dmarc', 'dmarc-multiple-records')).toMatchObject({ severity: 'error' });
    expect(codes(report, 'dmarc')).not.toContain('dmarc-missing');
    expect(codes(report, 'dmarc')).not.toContain('dmarc-enforced');
  });

  it("sub.dmarc-org.test: no record of its own, so the organizational domain's sp=reject applies", async () => {
    const report = await diagnose('sub.dmarc-org.test');
    const dmarc = mailOf(report).dmarc;
    expect(dmarc.lookups.map((l) => `${l.domain} ${l.status}`)).toEqual(['sub.dmarc-org.test nxdomain', 'dmarc-org.test ok', 'test nxdomain']);
    expect(dmarc.policy).toMatchObject({
      source: 'organizational-domain',
      domain: 'dmarc-org.test',
      record: 'v=DMARC1; p=quarantine; sp=reject',
      tag: 'sp',
      effective: 'reject',
    });
    expect(finding(report, 'dmarc', 'dmarc-inherited')!.message).toContain('sp=reject');
    expect(finding(report, 'dmarc', 'dmarc-enforced')!.message).toContain('sp=reject');
  });

  it('no-dmarc.test: no record anywhere', async () => {
    const report = await diagnose('no-dmarc.test');
    expect(mailOf(report).dmarc.policy).toBeUndefined();
    expect(codes(report, 'dmarc')).toEqual(['dmarc-missing']);
  });
});

describe('DKIM (RFC 6376, RFC 8463) on dkim.test', () => {
  const byName = (report: Report) => new Map(mailOf(report).dkim.selectors.map((s) => [s.selector, s]));

  it('finds each key, its type and size, through a CNAME too', async () => {
    const report = await diagnose('dkim.test');
    const dkim = byName(report);
    const key = (selector: string) => dkim.get(selector)!.keys;
    expect(key('google')).toEqual([expect.objectContaining({ keyType: 'rsa', bits: 2048, revoked: false, testing: false, errors: [] })]);
    // selector1 is a CNAME into provider.test (Microsoft 365 style); the key is read where it points.
    expect(dkim.get('selector1')!.status).toBe('ok');
    expect(key('selector1')).toEqual([expect.objectContaining({ keyType: 'rsa', bits: 1024, errors: [] })]);
    expect(key('k1')).toEqual([expect.objectContaining({ keyType: 'ed25519', bits: 256, errors: [] })]);
    expect(key('s1')).toEqual([expect.objectContaining({ record: 'v=DKIM1; p=', revoked: true })]);
    expect(key('mail')).toEqual([expect.objectContaining({ keyType: 'rsa', bits: 512 })]);
    expect(key('default')).toEqual([expect.objectContaining({ keyType: 'rsa', bits: 2048, testing: true })]);
    expect(key('dkim')).toEqual([expect.objectContaining({ record: 'v=DKIM1; k=rsa; p=bm90IGEga2V5' })]);
    expect(key('dkim')[0]!.errors.length).toBeGreaterThan(0);
    for (const absent of ['selector2', 'k2', 's2', 'mandrill', 'smtp']) {
      expect(dkim.get(absent), absent).toMatchObject({ status: 'nxdomain', keys: [] });
    }
  });

  it('says what each key means', async () => {
    const report = await diagnose('dkim.test');
    const subjects = (code: string) =>
      findings(report, 'dkim')
        .filter((f) => f.code === code)
        .map((f) => f.subject);
    expect(subjects('dkim-key-too-short')).toEqual(['mail._domainkey.dkim.test']);
    expect(subjects('dkim-key-short')).toEqual(['selector1._domainkey.dkim.test']);
    expect(subjects('dkim-key-revoked')).toEqual(['s1._domainkey.dkim.test']);
    expect(subjects('dkim-testing')).toEqual(['default._domainkey.dkim.test']);
    expect(subjects('dkim-key-invalid')).toEqual(['dkim._domainkey.dkim.test']);
    expect(finding(report, 'dkim', 'dkim-key-too-short')!.severity).toBe('error');
    const ok = finding(report, 'dkim', 'dkim-key-ok');
    expect(ok!.message).toContain('google (2048-bit RSA)');
    expect(ok!.message).toContain('k1 (Ed25519)');
    expect(ok!.message).not.toContain('default');
    expect(codes(report, 'dkim')).not.toContain('dkim-none-found');
  });

  it('finds custom-sel only when the user adds it, asked first', async () => {
    const without = byName(await diagnose('dkim.test'));
    expect(without.has('custom-sel')).toBe(false);
    const report = await diagnose('dkim.test', { dkimSelectors: ['Custom-Sel.'] });
    const first = mailOf(report).dkim.selectors[0]!;
    expect(first).toMatchObject({ selector: 'custom-sel', name: 'custom-sel._domainkey.dkim.test', added: true, status: 'ok' });
    expect(first.keys).toEqual([expect.objectContaining({ keyType: 'rsa', bits: 2048, errors: [] })]);
    expect(finding(report, 'dkim', 'dkim-key-ok')!.message).toContain('custom-sel (2048-bit RSA)');
    expect(mailOf(report).dkim.selectors.filter((s) => s.selector === 'custom-sel')).toHaveLength(1);
  });

  it('one-mx.test: no key under any common selector', async () => {
    const report = await diagnose('one-mx.test');
    const dkim = mailOf(report).dkim;
    expect(dkim.selectors.length).toBeGreaterThan(10);
    expect(dkim.selectors.every((s) => s.status === 'nxdomain' && s.keys.length === 0)).toBe(true);
    expect(codes(report, 'dkim')).toEqual(['dkim-none-found']);
  });
});

describe('MTA-STS (RFC 8461), TLS-RPT (RFC 8460) and BIMI on the fixture zones', () => {
  it('sts.test: all three records, well formed; no policy fetched without a fetcher', async () => {
    const report = await diagnose('sts.test');
    const mail = mailOf(report);
    expect(mail.mtaSts).toMatchObject({
      txtStatus: 'ok',
      records: ['v=STSv1; id=20261125T000000;'],
      record: { id: '20261125T000000', errors: [] },
      policy: { state: 'not-fetched' },
    });
    expect(codes(report, 'mtaSts')).toEqual([]);
    expect(mail.tlsRpt).toMatchObject({
      txtStatus: 'ok',
      records: ['v=TLSRPTv1; rua=mailto:tlsrpt@sts.test'],
      parsed: { rua: ['mailto:tlsrpt@sts.test'], errors: [] },
    });
    expect(codes(report, 'tlsRpt')).toEqual(['tls-rpt-ok']);
    expect(mail.bimi).toMatchObject({
      name: 'default._bimi.sts.test',
      txtStatus: 'ok',
      parsed: { location: 'https://sts.test/logo.svg', authority: 'https://sts.test/vmc.pem', errors: [], locationNotHttps: false, declined: false },
    });
    expect(codes(report, 'bimi')).toEqual(['bimi-published']);
  });

  it('sts-bad.test: a bad id, two TLS-RPT records, a logo over http', async () => {
    const report = await diagnose('sts-bad.test');
    const mail = mailOf(report);
    expect(mail.mtaSts.records).toEqual(['v=STSv1; id=bad id!']);
    expect(mail.mtaSts.record!.errors.join(' ')).toContain('bad id!');
    expect(codes(report, 'mtaSts')).toEqual(['mta-sts-record-invalid']);
    expect([...mail.tlsRpt.records].sort()).toEqual(['v=TLSRPTv1; rua=https://sts-bad.test/tlsrpt', 'v=TLSRPTv1; rua=mailto:tlsrpt@sts-bad.test']);
    expect(codes(report, 'tlsRpt')).toEqual(['tls-rpt-multiple-records']);
    expect(mail.bimi.parsed).toMatchObject({ location: 'http://sts-bad.test/logo.svg', locationNotHttps: true });
    expect(codes(report, 'bimi')).toContain('bimi-location-not-https');
    expect(codes(report, 'bimi')).not.toContain('bimi-published');
  });

  it('one-mx.test: none of the three', async () => {
    const report = await diagnose('one-mx.test');
    const mail = mailOf(report);
    expect([mail.mtaSts.txtStatus, mail.tlsRpt.txtStatus, mail.bimi.txtStatus]).toEqual(['nxdomain', 'nxdomain', 'nxdomain']);
    expect(codes(report, 'mtaSts')).toEqual(['mta-sts-missing']);
    expect(codes(report, 'tlsRpt')).toEqual(['tls-rpt-missing']);
    expect(codes(report, 'bimi')).toEqual(['bimi-missing']);
  });
});

describe('MTA-STS policy fetching (injected fetcher)', () => {
  const POLICY_URL = 'https://mta-sts.sts.test/.well-known/mta-sts.txt';
  const policyFile = (name: string) => readFile(new URL(`../zones/mta-sts/${name}`, import.meta.url), 'utf8');

  /** Serves `response` for the sts.test policy URL only, and records what was asked. */
  function fetcher(response: Awaited<ReturnType<PolicyFetcher>> | (() => never)): { fetchPolicy: PolicyFetcher; asked: string[] } {
    const asked: string[] = [];
    const fetchPolicy: PolicyFetcher = async (url) => {
      asked.push(url);
      if (url !== POLICY_URL) throw new Error(`getaddrinfo ENOTFOUND ${new URL(url).hostname}`);
      return typeof response === 'function' ? response() : response;
    };
    return { fetchPolicy, asked };
  }

  it('sts.test.txt: enforce mode, but mx2.sts.test is not covered: mail to it bounces', async () => {
    const body = await policyFile('sts.test.txt');
    const { fetchPolicy, asked } = fetcher({ status: 200, contentType: 'text/plain; charset=utf-8', body });
    const report = await diagnose('sts.test', { fetchPolicy });
    expect(asked).toEqual([POLICY_URL]);
    const policy = mailOf(report).mtaSts.policy;
    expect(policy).toMatchObject({
      state: 'ok',
      url: POLICY_URL,
      body,
      policy: { version: 'STSv1', mode: 'enforce', maxAge: 86400, mx: ['mx1.sts.test', '*.backup.sts.test'], errors: [] },
    });
    const notCovered = finding(report, 'mtaSts', 'mta-sts-mx-not-covered');
    expect(notCovered).toMatchObject({ severity: 'error', rfc: 'RFC 8461 §4.1' });
    expect(notCovered!.message).toContain('mx2.sts.test');
    expect(notCovered!.message).not.toMatch(/mx1\.sts\.test (is|are) an MX host/);
    expect(codes(report, 'mtaSts')).not.toContain('mta-sts-enforced');
  });

  it('sts-good.txt: enforce mode covering both MX hosts', async () => {
    const { fetchPolicy } = fetcher({ status: 200, contentType: 'text/plain', body: await policyFile('sts-good.txt') });
    const report = await diagnose('sts.test', { fetchPolicy });
    expect(mailOf(report).mtaSts.policy).toMatchObject({ state: 'ok', policy: { mode: 'enforce', maxAge: 604800, mx: ['mx1.sts.test', '*.sts.test'] } });
    expect(codes(report, 'mtaSts')).toEqual(['mta-sts-enforced']);
  });

  it('a 404 is an unreachable policy', async () => {
    const { fetchPolicy } = fetcher({ status: 404, contentType: 'text/html', body: '<h1>Not Found</h1>' });
    const report = await diagnose('sts.test', { fetchPolicy });
    expect(mailOf(report).mtaSts.policy).toEqual({ state: 'http-error', url: POLICY_URL, httpStatus: 404 });
    expect(codes(report, 'mtaSts')).toEqual(['mta-sts-policy-unreachable']);
    expect(finding(report, 'mtaSts', 'mta-sts-policy-unreachable')!.message).toContain('HTTP 404');
  });

  it('a policy served as text/html is flagged, read for the display, and not called enforced', async () => {
    const body = await policyFile('sts-good.txt');
    const { fetchPolicy } = fetcher({ status: 200, contentType: 'text/html; charset=utf-8', body });
    const report = await diagnose('sts.test', { fetchPolicy });
    expect(mailOf(report).mtaSts.policy).toMatchObject({ state: 'bad-content-type', contentType: 'text/html; charset=utf-8', policy: { mode: 'enforce' } });
    expect(codes(report, 'mtaSts')).toContain('mta-sts-policy-content-type');
    expect(codes(report, 'mtaSts')).not.toContain('mta-sts-enforced');
  });

  it('permission-needed is said as such, with the URL', async () => {
    const { fetchPolicy } = fetcher('permission-needed');
    const report = await diagnose('sts.test', { fetchPolicy });
    expect(mailOf(report).mtaSts.policy).toEqual({ state: 'permission-needed', url: POLICY_URL });
    expect(codes(report, 'mtaSts')).toEqual(['mta-sts-fetch-permission']);
    expect(finding(report, 'mtaSts', 'mta-sts-fetch-permission')!.message).toContain(POLICY_URL);
  });

  it('a fetch that throws (sts-bad.test has no policy host) is a failed fetch, not a crash', async () => {
    const { fetchPolicy, asked } = fetcher({ status: 200, contentType: 'text/plain', body: '' });
    const report = await diagnose('sts-bad.test', { fetchPolicy });
    expect(asked).toEqual(['https://mta-sts.sts-bad.test/.well-known/mta-sts.txt']);
    expect(mailOf(report).mtaSts.policy).toMatchObject({ state: 'fetch-failed', message: expect.stringContaining('ENOTFOUND') });
    expect(codes(report, 'mtaSts')).toEqual(expect.arrayContaining(['mta-sts-record-invalid', 'mta-sts-policy-unreachable']));
  });

  it('does not fetch for a domain without an MTA-STS record', async () => {
    const { fetchPolicy, asked } = fetcher({ status: 200, contentType: 'text/plain', body: '' });
    const report = await diagnose('one-mx.test', { fetchPolicy });
    expect(asked).toEqual([]);
    expect(mailOf(report).mtaSts.policy).toEqual({ state: 'not-fetched' });
  });
});

describe('provider, from the MX host names', () => {
  it('google-mx.test: Google Workspace', async () => {
    const report = await diagnose('google-mx.test');
    expect(mailOf(report).provider).toEqual([
      { provider: expect.objectContaining({ id: 'google-workspace', name: 'Google Workspace' }), hosts: ['aspmx.l.google.com', 'alt1.aspmx.l.google.com'] },
    ]);
    expect(codes(report, 'provider')).toEqual(['provider-identified']);
    expect(finding(report, 'provider', 'provider-identified')!.message).toContain('Google Workspace');
  });

  it('ms365.test: Microsoft 365', async () => {
    const report = await diagnose('ms365.test');
    expect(mailOf(report).provider).toEqual([
      { provider: expect.objectContaining({ id: 'microsoft-365', name: 'Microsoft 365' }), hosts: ['ms365-test.mail.protection.outlook.com'] },
    ]);
    expect(codes(report, 'provider')).toEqual(['provider-identified']);
  });

  it('lookalike.test: mx.ilovegmail.com is not Google (suffix, not substring)', async () => {
    const report = await diagnose('lookalike.test');
    expect(mailOf(report).provider).toEqual([{ hosts: ['mx.ilovegmail.com'] }]);
    expect(codes(report, 'provider')).toEqual(['provider-unrecognised']);
    expect(JSON.stringify(findings(report, 'provider'))).not.toMatch(/Google/);
  });
});

describe('DNSSEC (the AD bit)', () => {
  it('signed.test: the resolver validated MX, TXT and the host addresses', async () => {
    const report = await diagnose('signed.test');
    const dnssec = mailOf(report).dnssec;
    expect(report.authenticated).toBe(true);
    expect(dnssec.status).toBe('done');
    expect(dnssec.mx).toEqual({ question: 'signed.test MX', status: 'ok', authenticated: true });
    expect(dnssec.txt).toEqual({ question: 'signed.test TXT', status: 'ok', authenticated: true });
    expect([...dnssec.hosts].sort((a, b) => a.question.localeCompare(b.question))).toEqual([
      { host: 'mx.signed.test', question: 'mx.signed.test A', status: 'ok', authenticated: true },
      { host: 'mx.signed.test', question: 'mx.signed.test AAAA', status: 'nodata', authenticated: true },
    ]);
    expect(codes(report, 'dnssec')).toEqual(['dnssec-validated']);
  });

  it('one-mx.test: not validated', async () => {
    const report = await diagnose('one-mx.test');
    const dnssec = mailOf(report).dnssec;
    expect(report.authenticated).toBe(false);
    expect(dnssec.mx).toMatchObject({ authenticated: false });
    expect(dnssec.txt).toMatchObject({ authenticated: false });
    expect(dnssec.hosts.length).toBe(2);
    expect(dnssec.hosts.every((h) => !h.authenticated)).toBe(true);
    expect(codes(report, 'dnssec')).toEqual(['dnssec-unsigned']);
  });
});

describe('blocklists (RFC 5782), opt-in', () => {
  const resultsOf = (report: Report, ip: string) => {
    const target = mailOf(report).blocklists!.targets.find((t) => t.ip === ip);
    expect(target, ip).toBeDefined();
    return new Map(target!.results.map((r) => [r.list, r]));
  };

  it('listed.test: 192.0.2.170 is on Spamhaus ZEN (SBL) and SpamCop, not on Barracuda', async () => {
    const report = await diagnose('listed.test', EVERYTHING);
    const results = resultsOf(report, '192.0.2.170');
    expect(results.get('spamhaus-zen')).toMatchObject({
      state: 'listed',
      query: '170.2.0.192.zen.spamhaus.org',
      codes: ['127.0.0.2'],
      labels: ['SBL'],
      severity: 'error',
    });
    expect(results.get('spamcop')).toMatchObject({ state: 'listed', query: '170.2.0.192.bl.spamcop.net', codes: ['127.0.0.2'] });
    expect(results.get('barracuda')).toMatchObject({ state: 'not-listed', codes: [] });
    const listed = findings(report, 'blocklists').filter((f) => f.code === 'blocklist-listed');
    expect(listed.map((f) => f.subject)).toEqual(['192.0.2.170', '192.0.2.170']);
    expect(listed.map((f) => f.message).join(' ')).toMatch(/Spamhaus ZEN.*SpamCop|SpamCop.*Spamhaus ZEN/s);
    expect(codes(report, 'blocklists')).not.toContain('blocklist-clean');
  });

  it('bad-ptr.test: 192.0.2.70 is on ZEN twice (SBL and XBL) and on SpamCop', async () => {
    const report = await diagnose('bad-ptr.test', EVERYTHING);
    const results = resultsOf(report, '192.0.2.70');
    expect(results.get('spamhaus-zen')).toMatchObject({ state: 'listed', codes: ['127.0.0.2', '127.0.0.4'], labels: ['SBL', 'XBL'] });
    expect(results.get('spamcop')).toMatchObject({ state: 'listed', codes: ['127.0.0.2'] });
    expect(codes(report, 'blocklists').filter((c) => c === 'blocklist-listed')).toHaveLength(2);
  });

  it("five-mx.test: Spamhaus' 127.255.255.254 for 192.0.2.11 is a refusal, not a listing", async () => {
    const report = await diagnose('five-mx.test', EVERYTHING);
    const blocklists = mailOf(report).blocklists!;
    expect(blocklists.status).toBe('done');
    expect(blocklists.targets.map((t) => t.ip)).toEqual([
      '192.0.2.11',
      '2001:db8::11',
      '192.0.2.12',
      '2001:db8::12',
      '192.0.2.13',
      '2001:db8::13',
      '192.0.2.14',
      '192.0.2.15',
    ]);
    const zen = resultsOf(report, '192.0.2.11').get('spamhaus-zen')!;
    expect(zen).toMatchObject({ state: 'refused', codes: ['127.255.255.254'] });
    expect(zen.severity).toBeUndefined();
    const all = blocklists.targets.flatMap((t) => t.results);
    expect(all.filter((r) => r.state === 'listed')).toEqual([]);
    expect(all.every((r) => ['not-listed', 'not-checked'].includes(r.state) || r === zen)).toBe(true);
    expect(codes(report, 'blocklists')).not.toContain('blocklist-listed');
    const refused = finding(report, 'blocklists', 'blocklist-refused');
    expect(refused).toMatchObject({ severity: 'info' });
    expect(refused!.message).toContain('192.0.2.11');
    expect(refused!.message).toContain('This is not a listing');
    expect(codes(report, 'blocklists')).toContain('blocklist-clean');
  });

  it('is absent from the report, and asks no list, unless enabled', async () => {
    const { tag, url } = faultUrl('');
    const report = await lookupMail(parseQuery('listed.test'), newClient(url), { diagnostics: { dkimSelectors: ['custom-sel'] } });
    expect(report.mail!.status).toBe('done');
    expect(report.mail!.blocklists).toBeUndefined();
    expect(report.mail!.findings.blocklists).toBeUndefined();
    expect(Object.keys(report.mail!.findings).sort()).toEqual(['bimi', 'dane', 'dkim', 'dmarc', 'dnssec', 'mtaSts', 'provider', 'spf', 'tlsRpt']);
    const log = await readFaultLog(stack, tag);
    expect(log.length).toBeGreaterThan(30);
    const zones = [
      'zen.spamhaus.org',
      'bl.spamcop.net',
      'b.barracudacentral.org',
      ...mailOf(await diagnose('listed.test', EVERYTHING)).blocklists!.lists.map((l) => l.zone),
    ];
    expect(log.filter((e) => zones.some((zone) => e.name?.endsWith(`.${zone}`)))).toEqual([]);
  });
});

describe('the MX list does not wait for the diagnostics (fault server log, 50 ms per answer)', () => {
  const sentBeforeFirstAnswer = (log: readonly FaultLogEntry[]) => {
    const firstAnswer = Math.min(...log.map((e) => e.endMs ?? Infinity));
    return log.filter((e) => e.startMs < firstAnswer).map((e) => `${e.name} ${e.type}`);
  };

  /**
   * The fault server speaks HTTP/1.1, so parallel questions need parallel connections, and a TLS
   * handshake mid-run would read as a resolver round trip. As in bench/bench-fetch.ts: an unbounded
   * pool, warmed with more connections than the engine's 64 requests in flight before each run.
   */
  const pool = new Agent({ connect: { ca: stack.caPem }, connections: null, pipelining: 1, keepAliveTimeout: 10_000 });
  afterAll(() => pool.close());
  const pooledFetch = ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: pool })) as unknown as typeof globalThis.fetch;
  async function warm(): Promise<void> {
    const tag = `mail-diag-warm-${process.pid}`;
    const url = `${stack.faultUrl}/tag/${tag}/delay/20/dns-query?dns=${base64Url(encodeQuery({ name: 'one-mx.test', type: 'A' }))}`;
    await Promise.all(Array.from({ length: 128 }, async () => (await pooledFetch(url, { headers: { accept: 'application/dns-message' } })).arrayBuffer()));
    await clearFaultLog(stack, tag);
  }

  /** The routing's questions in a log: stage 1 of the name, the mail hosts' addresses, PTR and forward checks. */
  function routingOf(report: Report, entries: FaultLogEntry[]): FaultLogEntry[] {
    const domain = report.query.name;
    const hosts = new Set(report.exchanges.flatMap((e) => [e.host, ...e.addresses.flatMap((a) => a.ptr.map((p) => p.name))]));
    return entries.filter(
      (e) => e.type === 'PTR' || e.name === domain || e.name === `_dmarc.${domain}` || (hosts.has(e.name ?? '') && (e.type === 'A' || e.type === 'AAAA')),
    );
  }

  async function measured(domain: string, diagnostics: DiagnosticsOptions) {
    await warm();
    // One unmeasured run of the same lookup first, so no code path is cold in the measured one.
    await lookupMail(parseQuery(domain), new DohClient({ providers: [customProvider(faultUrl('delay/50').url)], fetch: pooledFetch }), {
      diagnostics,
      onUpdate: () => undefined,
    });
    await warm();
    const { tag, url } = faultUrl('delay/50');
    const snapshots: Report[] = [];
    const client = new DohClient({ providers: [customProvider(url)], fetch: pooledFetch, timeoutMs: 5_000 });
    const report = await lookupMail(parseQuery(domain), client, { diagnostics, onUpdate: (r) => snapshots.push(r) });
    const log = await readFaultLog(stack, tag);
    return { report, log, snapshots };
  }

  it('five-mx.test with everything on: MX in the first burst, 3 routing round trips, then the diagnostics, every request counted', async () => {
    // The log's critical path is wall-clock: on a loaded machine a burst can leave a scheduler
    // tick late and look like one more round trip. Best of three; a real extra round trip fails all three.
    let attempt = await measured('five-mx.test', EVERYTHING);
    for (let retry = 0; retry < 2 && criticalPathDepth(routingOf(attempt.report, attempt.log)) !== 3; retry++)
      attempt = await measured('five-mx.test', EVERYTHING);
    const { report, log, snapshots } = attempt;
    expect(criticalPathDepth(routingOf(report, log))).toBe(3);
    // The complete routing report went out on its own, with every mail section still to come.
    const routed = snapshots.find((snapshot) => routingSettled(snapshot));
    expect(routed?.exchanges.flatMap((e) => e.addresses.map((a) => a.fcrdns))).toEqual(Array(8).fill('pass'));
    expect(routed?.mail?.dkim.selectors.every((s) => s.status === 'pending')).toBe(true);
    expect(report.status).toBe('done');
    expect(report.errors).toEqual([]);
    expect(log.every((e) => e.httpStatus === 200)).toBe(true);
    // Each question went on the wire once, even those the routing and the diagnostics both ask.
    const perQuestion = new Map<string, number>();
    for (const e of log) perQuestion.set(`${e.name} ${e.type}`, (perQuestion.get(`${e.name} ${e.type}`) ?? 0) + 1);
    expect([...perQuestion].filter(([, n]) => n > 1)).toEqual([]);
    // The first burst is the routing's stage 1 alone: the diagnostics wait for the routing
    // report to be complete (mail-bridge.ts), so dozens of their answers never land with it.
    const first = sentBeforeFirstAnswer(log);
    expect([...first].sort()).toEqual(['_dmarc.five-mx.test TXT', 'five-mx.test A', 'five-mx.test AAAA', 'five-mx.test MX', 'five-mx.test TXT']);
    const mx = log.find((e) => e.name === 'five-mx.test' && e.type === 'MX')!;
    // Then every DKIM selector (the user's too, and one made-up selector that tells a wildcard
    // under _domainkey), _domainkey itself (RFC 8020), every name of the DMARC tree walk,
    // MTA-STS, TLS-RPT and BIMI go out together: one round trip, not one each.
    const dkimAsked = log.filter((e) => e.name?.endsWith('._domainkey.five-mx.test'));
    const together = log.filter(
      (e) =>
        e.name !== null &&
        (e.name.endsWith('._domainkey.five-mx.test') ||
          ['_domainkey.five-mx.test', '_dmarc.test', '_mta-sts.five-mx.test', '_smtp._tls.five-mx.test', 'default._bimi.five-mx.test'].includes(e.name)),
    );
    expect(dkimAsked.length).toBe(report.mail!.dkim.selectors.length + 1);
    expect(dkimAsked.map((e) => e.name)).toContain('custom-sel._domainkey.five-mx.test');
    expect(together.length).toBe(dkimAsked.length + 5);
    for (const e of together) expect(e.startMs, `${e.name} after the MX answer`).toBeGreaterThanOrEqual(mx.endMs!);
    // ...and after the routing's last answer (the last PTR or forward check): they never compete with it.
    const routingEnd = Math.max(...routingOf(report, log).map((e) => e.endMs ?? 0));
    for (const e of together) expect(e.startMs, `${e.name} after the routing report`).toBeGreaterThanOrEqual(routingEnd);
    const firstOfThemAnswered = Math.min(...together.map((e) => e.endMs ?? Number.POSITIVE_INFINITY));
    for (const e of together) expect(e.startMs, `${e.name} sent before any of them was answered`).toBeLessThan(firstOfThemAnswered);
    // The blocklists wait for the addresses, so none of them is in the first burst.
    expect(first.filter((q) => q.includes('.zen.spamhaus.org'))).toEqual([]);
    expect(log.filter((e) => e.name?.endsWith('.zen.spamhaus.org')).length).toBe(8);
    expect(report.stats.roundTrips).toBe(3);
    expect(report.mail!.requests).toBeGreaterThan(0);
    expect(report.mail!.requests).toBeLessThan(report.stats.requests);
  });

  // The routing and the SPF/DMARC probes ask `<domain> TXT` and `_dmarc.<domain> TXT` in the
  // same task: one request each, so a caller that joins the request in flight counts none (this
  // suite found them counted twice).
  it('counts every HTTP request once: the fault log equals stats.requests with everything on', async () => {
    for (const domain of ['five-mx.test', 'spf-tree.test']) {
      const { report, log } = await measured(domain, EVERYTHING);
      expect(log, domain).toHaveLength(report.stats.requests);
    }
  });

  it('spf-tree.test: the include chain costs the diagnostics 3 round trips, the MX list still 3', async () => {
    const { report, log } = await measured('spf-tree.test', EVERYTHING);
    expect(sentBeforeFirstAnswer(log)).toContain('spf-tree.test MX');
    expect(report.mail!.roundTrips).toBe(3);
    expect(report.stats.roundTrips).toBe(3);
    const spfChain = log.filter(
      (e) => e.type === 'TXT' && ['spf-tree.test', '_spf.spf-tree.test', '_spf2.spf-tree.test', '_inner.spf-tree.test'].includes(e.name!),
    );
    expect(spfChain).toHaveLength(4);
    expect(criticalPathDepth(spfChain)).toBe(3);
  });

  it('every snapshot: the first one with the MX list came after one round trip, while the diagnostics were still running', async () => {
    const { report, snapshots } = await measured('spf-tree.test', EVERYTHING);
    expect(snapshots.length).toBeGreaterThan(2);
    expect(snapshots.at(-1)).toEqual(report);
    const firstWithMx = snapshots.findIndex((s) => s.exchanges.length > 0);
    expect(firstWithMx).toBeGreaterThanOrEqual(0);
    const mx = snapshots[firstWithMx]!;
    expect(mx.stats.roundTrips).toBe(1);
    expect(mx.status).toBe('running');
    expect(mx.mail!.status).toBe('running');
    expect(mx.mail!.spf.status).toBe('pending'); // its include chain is 3 round trips deep
    expect(mx.mail!.blocklists!.status).toBe('pending'); // waits for the addresses
    expect(mx.exchanges.map((e) => e.host)).toEqual(['mx.spf-tree.test']);
    snapshots.forEach((snapshot, index) => {
      const last = index === snapshots.length - 1;
      expect(snapshot.status, `snapshot ${index}`).toBe(last ? 'done' : 'running');
      expect(snapshot.mail, `snapshot ${index}`).toBeDefined();
      if (index < firstWithMx) expect(snapshot.exchanges).toEqual([]);
      // Findings on every snapshot, never a crashed section.
      const all = Object.values(snapshot.mail!.findings).flat();
      expect(
        all.filter((f) => f.code === 'internal-error'),
        `snapshot ${index}`,
      ).toEqual([]);
      if (index > 0) {
        const before = snapshots[index - 1]!;
        expect(snapshot.stats.requests).toBeGreaterThanOrEqual(before.stats.requests);
        expect(snapshot.mail!.requests).toBeGreaterThanOrEqual(before.mail!.requests);
        expect(snapshot.mail!.spf.lookups).toBeGreaterThanOrEqual(before.mail!.spf.lookups);
      }
      // No snapshot before the diagnostics finish claims they are done.
      if (snapshot.mail!.status === 'done') {
        for (const section of ['spf', 'dmarc', 'dkim', 'mtaSts', 'tlsRpt', 'bimi', 'dnssec', 'blocklists'] as const) {
          expect(snapshot.mail![section]!.status, `${section} in snapshot ${index}`).toBe('done');
        }
      }
    });
    // The final SPF verdict did not exist when the MX list painted.
    expect(mx.mail!.findings.spf).not.toContainEqual(expect.objectContaining({ code: 'spf-ok' }));
    expect(report.mail!.findings.spf).toContainEqual(expect.objectContaining({ code: 'spf-ok' }));
  });
});

describe('cancellation', () => {
  function watchRejections() {
    const seen: unknown[] = [];
    const listener = (reason: unknown) => seen.push(reason);
    process.on('unhandledRejection', listener);
    return { seen, stop: () => process.off('unhandledRejection', listener) };
  }

  const sectionStatuses = (mail: MailDiagnostics) => [
    mail.spf.status,
    mail.dmarc.status,
    mail.dkim.status,
    mail.mtaSts.status,
    mail.tlsRpt.status,
    mail.bimi.status,
    mail.dnssec.status,
    mail.blocklists?.status,
  ];

  it('aborting before any answer ends in a done report, every section done, nothing unhandled', async () => {
    const rejections = watchRejections();
    try {
      const { url } = faultUrl('hang');
      const cancel = new AbortController();
      // The client's timeout outlives the abort by far; kept short only because a cancelled lookup
      // leaves its hung requests to that timeout, and closing the connection pool waits for them.
      const pending = lookupMail(parseQuery('spf-tree.test'), newClient(url, 1_500), { signal: cancel.signal, diagnostics: EVERYTHING });
      setTimeout(() => cancel.abort(), 50);
      const report = await pending;
      expect(report.status).toBe('done');
      expect(report.errors[0]).toMatchObject({ code: 'aborted' });
      expect(report.mail!.status).toBe('done');
      expect(sectionStatuses(report.mail!)).toEqual(Array(8).fill('done'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rejections.seen).toEqual([]);
    } finally {
      rejections.stop();
    }
  });

  it('aborting while the blocklists and the last SPF include are in flight ends cleanly too', async () => {
    const rejections = watchRejections();
    try {
      const { url } = faultUrl('delay/100');
      const cancel = new AbortController();
      const inFlight = (r: Report) => r.mail?.blocklists?.targets.some((t) => t.results.some((x) => x.state === 'pending')) === true;
      let abortedAt: Report | undefined;
      const pending = lookupMail(parseQuery('spf-tree.test'), newClient(url, 1_500), {
        signal: cancel.signal,
        diagnostics: EVERYTHING,
        onUpdate: (r) => {
          // Third round trip: PTRs, the blocklists and _inner.spf-tree.test asked, none answered.
          if (!abortedAt && inFlight(r)) {
            abortedAt = r;
            cancel.abort();
          }
        },
      });
      const report = await pending;
      expect(abortedAt, 'a snapshot with blocklist questions in flight').toBeDefined();
      expect(abortedAt!.mail!.spf.status).toBe('pending');
      expect(report.status).toBe('done');
      expect(report.errors.map((e) => e.code)).toContain('aborted');
      expect(report.exchanges.map((e) => e.host)).toEqual(['mx.spf-tree.test']);
      expect(report.mail!.status).toBe('done');
      expect(sectionStatuses(report.mail!)).toEqual(Array(8).fill('done'));
      // Nothing in the diagnostics is left looking "in progress".
      expect(JSON.stringify(report.mail).match(/"(state|status)":"pending"/g)).toBeNull();
      const cells = report.mail!.blocklists!.targets.flatMap((t) => t.results);
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.filter((c) => c.state === 'listed')).toEqual([]);
      expect(cells.some((c) => c.state === 'error' && c.error?.code === 'aborted')).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rejections.seen).toEqual([]);
    } finally {
      rejections.stop();
    }
  });
});
