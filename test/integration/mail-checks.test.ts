/**
 * The mail checks of issue #23 against real DNS software (knotd behind dnsdist): MTA-STS against
 * the MX set both ways, what `_domainkey` says when no common selector has a key, and DMARC's np=
 * for a name that does not exist (test/zones/README.md, "Mail checks").
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { DohClient } from '../../src/core/doh/doh-client';
import { customProvider } from '../../src/core/doh/providers';
import { lookupMail } from '../../src/core/lookup/lookup-mail';
import type { DiagnosticsOptions, MailDiagnostics } from '../../src/core/mail/mail-diagnostics';
import { parseQuery } from '../../src/core/query';
import type { Report } from '../../src/core/report';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
afterAll(() => trusted.close());

async function diagnose(domain: string, diagnostics: DiagnosticsOptions = {}): Promise<Report> {
  const client = new DohClient({ providers: [customProvider(stack.dohUrl)], fetch: trusted.fetch, timeoutMs: 2_000 });
  const report = await lookupMail(parseQuery(domain), client, { diagnostics });
  expect(report.mail?.status).toBe('done');
  return report;
}
const mailOf = (report: Report): MailDiagnostics => report.mail!;
const codes = (report: Report, section: 'dkim' | 'dmarc' | 'mtaSts') => (mailOf(report).findings[section] ?? []).map((f) => f.code);

describe('DKIM: what _domainkey says when no common selector has a key', () => {
  it('one-mx.test: _domainkey is NXDOMAIN, so there is no key under any selector (RFC 8020)', async () => {
    const report = await diagnose('one-mx.test');
    expect(mailOf(report).dkim.domainkey).toMatchObject({ name: '_domainkey.one-mx.test', status: 'nxdomain', wildcardStatus: 'nxdomain' });
    expect(codes(report, 'dkim')).toEqual(['dkim-none-found']);
  });

  it('dkim-other.test: an empty non-terminal, so keys exist under selectors not tried', async () => {
    const report = await diagnose('dkim-other.test');
    expect(mailOf(report).dkim.domainkey).toMatchObject({ status: 'nodata', wildcardStatus: 'nxdomain' });
    expect(codes(report, 'dkim')).toEqual(['dkim-other-selectors']);
    const found = await diagnose('dkim-other.test', { dkimSelectors: ['rare-2024'] });
    expect(codes(found, 'dkim')).toEqual(['dkim-key-ok']);
  });

  it('dkim-wild.test: a wildcard answers every selector, so the test cannot tell', async () => {
    const report = await diagnose('dkim-wild.test');
    expect(mailOf(report).dkim.domainkey).toMatchObject({ status: 'nodata', wildcardStatus: 'ok', wildcardRecords: ['v=DKIM1; p='] });
    expect(codes(report, 'dkim')).toEqual(['dkim-wildcard']);
  });

  it('dkim.test: keys under common selectors, _domainkey an empty non-terminal, no wildcard', async () => {
    const report = await diagnose('dkim.test');
    expect(mailOf(report).dkim.domainkey).toMatchObject({ status: 'nodata', wildcardStatus: 'nxdomain' });
    expect(codes(report, 'dkim')).toContain('dkim-key-ok');
    expect(codes(report, 'dkim')).not.toContain('dkim-other-selectors');
  });
});

describe('DMARC np= (RFC 9989 §4.7)', () => {
  it('ghost.org.msg.test does not exist: np=reject of org.msg.test applies', async () => {
    const report = await diagnose('ghost.org.msg.test');
    expect(report.mxStatus).toBe('nxdomain');
    const dmarc = mailOf(report).dmarc;
    expect(dmarc.nameStatus).toBe('nxdomain');
    expect(dmarc.policy).toMatchObject({ domain: 'org.msg.test', tag: 'np', effective: 'reject' });
    expect(JSON.parse(JSON.stringify(report)).mail.dmarc.policy.effective).toBe('reject');
  });

  it('alerts.org.msg.test exists: sp=quarantine applies, not np=', async () => {
    const dmarc = mailOf(await diagnose('alerts.org.msg.test')).dmarc;
    expect(dmarc.nameStatus).toBe('ok');
    expect(dmarc.policy).toMatchObject({ tag: 'sp', effective: 'quarantine' });
  });
});

describe('MTA-STS against the MX set, both ways (RFC 8461 §4.1)', () => {
  const policy = (name: string) => readFile(new URL(`../zones/mta-sts/${name}`, import.meta.url), 'utf8');

  it('sts.test.txt misses mx2.sts.test and lists a stale *.backup.sts.test', async () => {
    const body = await policy('sts.test.txt');
    const report = await diagnose('sts.test', { fetchPolicy: async () => ({ status: 200, contentType: 'text/plain', body }) });
    expect(codes(report, 'mtaSts')).toEqual(['mta-sts-mx-not-covered', 'mta-sts-mx-pattern-stale', 'mta-sts-max-age-short']);
    const stale = mailOf(report).findings.mtaSts!.find((f) => f.code === 'mta-sts-mx-pattern-stale')!;
    expect(stale).toMatchObject({ severity: 'warn', subject: '*.backup.sts.test' });
  });

  it('sts-good.txt covers both hosts and every pattern is used', async () => {
    const body = await policy('sts-good.txt');
    const report = await diagnose('sts.test', { fetchPolicy: async () => ({ status: 200, contentType: 'text/plain', body }) });
    expect(codes(report, 'mtaSts')).toEqual(['mta-sts-enforced']);
  });
});
