import { describe, expect, it } from 'vitest';
import { fakeAsk, type FakeRecords } from '../testing/fake-ask';
import { isTlsRptRecord, parseTlsRpt } from './parse-tls-rpt';
import { newTlsRptSection, probeTlsRpt } from './probe-tls-rpt';
import { tlsRptFindings } from './tls-rpt-findings';

async function probe(records: FakeRecords) {
  const section = newTlsRptSection();
  const fake = fakeAsk(records);
  await probeTlsRpt(section, { domain: 'example.com', ask: fake.ask });
  const findings = tlsRptFindings(section, 'example.com');
  return { section, asked: fake.asked, findings, codes: findings.map((f) => `${f.severity} ${f.code}`) };
}
const at = (...records: string[]) => ({ '_smtp._tls.example.com TXT': records });

describe('parseTlsRpt (RFC 8460 §3)', () => {
  it('reads mailto: and https: report URIs', () => {
    expect(parseTlsRpt('v=TLSRPTv1; rua=mailto:tls@example.com, https://reports.example.com/tlsrpt')).toEqual({
      rua: ['mailto:tls@example.com', 'https://reports.example.com/tlsrpt'],
      errors: [],
      unknownTags: [],
    });
  });

  it('takes only records that begin with v=TLSRPTv1 (case sensitive)', () => {
    expect(isTlsRptRecord('v=TLSRPTv1; rua=mailto:a@b.c')).toBe(true);
    for (const record of ['v=tlsrptv1; rua=mailto:a@b.c', 'rua=mailto:a@b.c; v=TLSRPTv1', 'v=TLSRPTv10']) expect(isTlsRptRecord(record), record).toBe(false);
  });

  it('refuses other URI schemes and bare addresses', () => {
    const parse = parseTlsRpt('v=TLSRPTv1; rua=http://example.com/r,tls@example.com,mailto:ok@example.com');
    expect(parse.rua).toEqual(['mailto:ok@example.com']);
    expect(parse.errors).toEqual([
      'rua: "http://example.com/r" is not a mailto: address or an https: URL.',
      'rua: "tls@example.com" is not a mailto: address or an https: URL.',
    ]);
  });

  it('requires rua=, ignores extensions, flags duplicates', () => {
    expect(parseTlsRpt('v=TLSRPTv1').errors).toEqual(['There is no rua= field: the record names nowhere to send reports.']);
    expect(parseTlsRpt('v=TLSRPTv1; rua=mailto:a@b.example; ext=1').unknownTags).toEqual(['ext']);
    expect(parseTlsRpt('v=TLSRPTv1; rua=mailto:a@b.example; rua=mailto:c@d.example')).toMatchObject({
      rua: ['mailto:a@b.example'],
      errors: ['The field rua= appears more than once.'],
    });
  });

  it('keeps HTML as data, and never throws', () => {
    expect(parseTlsRpt('v=TLSRPTv1; rua=<script>').errors[0]).toContain('"<script>"');
    for (const text of ['', ';', '=', '\u0000', 'v=TLSRPTv1; rua=,,,']) expect(() => parseTlsRpt(text)).not.toThrow();
  });
});

describe('probeTlsRpt', () => {
  it('asks _smtp._tls.<domain> TXT once and reads the record', async () => {
    const { section, asked } = await probe(at('v=TLSRPTv1; rua=mailto:tls@example.com', 'unrelated'));
    expect(asked).toEqual(['_smtp._tls.example.com TXT']);
    expect(section).toMatchObject({
      status: 'done',
      txtStatus: 'ok',
      records: ['v=TLSRPTv1; rua=mailto:tls@example.com'],
      parsed: { rua: ['mailto:tls@example.com'] },
    });
  });

  it('never rejects, and asks nothing once aborted', async () => {
    const section = newTlsRptSection();
    await probeTlsRpt(section, { domain: 'example.com', ask: () => Promise.reject(new Error('x')) });
    expect(section).toMatchObject({ status: 'done', txtStatus: 'error' });
    const controller = new AbortController();
    controller.abort();
    const fake = fakeAsk({});
    await probeTlsRpt(newTlsRptSection(), { domain: 'example.com', ask: fake.ask, signal: controller.signal });
    expect(fake.asked).toEqual([]);
  });
});

describe('tlsRptFindings', () => {
  it('is ok with a valid record, naming where reports go', async () => {
    const { findings } = await probe(at('v=TLSRPTv1; rua=mailto:tls@example.com'));
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['ok tls-rpt-ok']);
    expect(findings[0]!.message).toContain('to mailto:tls@example.com');
  });

  it('notes a missing record, saying it matters most with MTA-STS', async () => {
    const { findings } = await probe({});
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['info tls-rpt-missing']);
    expect(findings[0]!.message).toContain('MTA-STS');
  });

  it('warns about several records: senders send no reports', async () => {
    expect((await probe(at('v=TLSRPTv1; rua=mailto:a@example.com', 'v=TLSRPTv1; rua=mailto:b@example.com'))).codes).toEqual(['warn tls-rpt-multiple-records']);
  });

  it('warns about syntax errors and bad URI schemes, still ok for the good URIs', async () => {
    expect((await probe(at('v=TLSRPTv1; rua=http://example.com/r'))).codes).toEqual(['warn tls-rpt-invalid']);
    expect((await probe(at('v=TLSRPTv1; rua=ftp://x.example,mailto:a@example.com'))).codes).toEqual(['warn tls-rpt-invalid', 'ok tls-rpt-ok']);
  });

  it('warns when the lookup failed, and says nothing while pending', async () => {
    expect((await probe({ '_smtp._tls.example.com TXT': 'servfail' })).codes).toEqual(['warn tls-rpt-lookup-failed']);
    expect(tlsRptFindings(newTlsRptSection(), 'example.com')).toEqual([]);
  });
});
