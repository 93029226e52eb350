import { describe, expect, it } from 'vitest';
import { mtaStsFindings } from './mta-sts-findings';
import { newMtaStsSection } from './probe-mta-sts';
import { parseMtaStsPolicy, parseMtaStsRecord } from './parse-mta-sts';
import type { MtaStsPolicyState, MtaStsSection } from './types';

const URL = 'https://mta-sts.example.com/.well-known/mta-sts.txt';
function section(policy: MtaStsPolicyState, records = ['v=STSv1; id=1']): MtaStsSection {
  return {
    ...newMtaStsSection(),
    status: 'done',
    domain: 'example.com',
    txtStatus: 'ok',
    records,
    ...(records.length === 1 ? { record: parseMtaStsRecord(records[0]!) } : {}),
    policy,
  };
}
function served(body: string): MtaStsPolicyState {
  const policy = parseMtaStsPolicy(body);
  return policy.errors.length ? { state: 'parse-error', url: URL, policy, body } : { state: 'ok', url: URL, policy, body };
}
const enforce = (...mx: string[]) => served(`version: STSv1\nmode: enforce\n${mx.map((m) => `mx: ${m}\n`).join('')}max_age: 604800\n`);
const codes = (s: MtaStsSection, mx: string[] = []) => mtaStsFindings(s, 'example.com', mx).map((f) => `${f.severity} ${f.code}`);

describe('mtaStsFindings', () => {
  it('is ok when enforced and every MX host is covered', () => {
    const findings = mtaStsFindings(section(enforce('*.example.com')), 'example.com', ['mx1.example.com', 'MX2.example.com.']);
    expect(findings.map((f) => f.code)).toEqual(['mta-sts-enforced']);
    expect(findings[0]).toMatchObject({ severity: 'ok' });
  });

  it('is an error in enforce mode when an MX host is not covered: senders refuse to deliver', () => {
    const findings = mtaStsFindings(section(enforce('mx1.example.com')), 'example.com', ['mx1.example.com', 'backup.example.net']);
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['error mta-sts-mx-not-covered']);
    expect(findings[0]!.message).toContain('backup.example.net is an MX host of example.com but not listed');
    expect(findings[0]!.message).toContain('senders refuse to deliver');
    expect(findings[0]!.rfc).toBe('RFC 8461 §4.1');
  });

  it('only warns about an uncovered host in testing mode, and notes testing mode', () => {
    const testing = served('version: STSv1\nmode: testing\nmx: a.example.com\nmx: b.example.com\nmax_age: 604800\n');
    expect(codes(section(testing), ['b.example.com', 'c.example.com'])).toEqual([
      'warn mta-sts-mx-not-covered',
      'warn mta-sts-mx-pattern-stale',
      'info mta-sts-testing',
    ]);
    expect(mtaStsFindings(section(testing), 'example.com', ['b.example.com']).at(-1)!.message).toContain('does not protect mail yet');
  });

  it('is still enforced with a stale pattern, a short max_age or a differing id: line, each said', () => {
    const policy = served('version: STSv1\nmode: enforce\nmx: mx.example.com\nmx: old.example.com\nmax_age: 3600\nid: 2\n');
    expect(codes(section(policy), ['mx.example.com'])).toEqual([
      'warn mta-sts-mx-pattern-stale',
      'warn mta-sts-max-age-short',
      'warn mta-sts-policy-id-mismatch',
      'ok mta-sts-enforced',
    ]);
  });

  it('notes mode none', () => {
    expect(codes(section(served('version: STSv1\nmode: none\nmax_age: 86400\n')), ['mx.example.com'])).toEqual(['info mta-sts-mode-none']);
  });

  it('judges no coverage before the MX hosts are known', () => {
    expect(codes(section(enforce('mx.example.com')))).toEqual([]);
    expect(codes(section(enforce('mx.example.com')), [''])).toEqual([]);
  });

  it('notes the absence of MTA-STS', () => {
    const findings = mtaStsFindings({ ...newMtaStsSection(), domain: 'example.com', status: 'done', txtStatus: 'nxdomain' }, 'example.com', []);
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['info mta-sts-missing']);
  });

  it('warns when the lookup failed, and says nothing while pending', () => {
    expect(codes({ ...newMtaStsSection(), domain: 'example.com', txtStatus: 'servfail' })).toEqual(['warn mta-sts-lookup-failed']);
    expect(codes(newMtaStsSection())).toEqual([]);
  });

  it('warns about a broken or doubled TXT record', () => {
    expect(codes(section({ state: 'not-fetched' }, ['v=STSv1; id=no-dashes']))).toEqual(['warn mta-sts-record-invalid']);
    expect(codes(section({ state: 'not-fetched' }, ['v=STSv1; id=1', 'v=STSv1; id=2']))).toEqual(['warn mta-sts-record-invalid']);
  });

  it('offers to fetch the policy when permission is needed', () => {
    const findings = mtaStsFindings(section({ state: 'permission-needed', url: URL }), 'example.com', []);
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['info mta-sts-fetch-permission']);
    expect(findings[0]!.message).toContain('Fetch the policy to check it');
  });

  it('warns when the TXT record has no policy behind it', () => {
    const http = mtaStsFindings(section({ state: 'http-error', url: URL, httpStatus: 404 }), 'example.com');
    expect(http.map((f) => `${f.severity} ${f.code}`)).toEqual(['warn mta-sts-policy-unreachable']);
    expect(http[0]!.message).toContain('answered HTTP 404');
    const failed = mtaStsFindings(section({ state: 'fetch-failed', url: URL, message: 'getaddrinfo ENOTFOUND' }), 'example.com');
    expect(failed[0]!.message).toContain('could not be fetched (getaddrinfo ENOTFOUND)');
  });

  it('warns about a policy with errors, or not served as text/plain', () => {
    expect(codes(section(served('version: STSv1\nmode: enforce\n')))).toEqual(['warn mta-sts-policy-invalid']);
    const policy = parseMtaStsPolicy('version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 604800');
    expect(codes(section({ state: 'bad-content-type', url: URL, contentType: 'text/html', policy, body: '' }), ['mx.example.com'])).toEqual([
      'warn mta-sts-policy-content-type',
    ]);
  });

  it('says nothing about the policy while it is being fetched', () => {
    expect(codes(section({ state: 'fetching', url: URL }))).toEqual([]);
  });

  it('keeps HTML in a fetch error as text', () => {
    const findings = mtaStsFindings(section({ state: 'fetch-failed', url: URL, message: '<img src=x>' }), 'example.com');
    expect(findings[0]!.message).toContain('(<img src=x>)');
  });
});
