import { describe, expect, it } from 'vitest';
import type { FakeRecords } from '../testing/fake-ask';
import { daneFindings } from './dane-findings';
import { checkCommands } from './dane-wording';
import { parseTlsaText } from './read-tlsa';
import { type FakeHost, probeFake } from './fake-dane';
import { newDaneSection } from './types';

const SHA256 = 'ab'.repeat(32);
const TA256 = 'cd'.repeat(32);
const MX = { name: 'mx.example.com', signed: true };

async function findingsFor(records: FakeRecords, options: { hosts?: FakeHost[]; mxSigned?: boolean; signed?: string[] } = {}) {
  const { section } = await probeFake(options.hosts ?? [MX], { mxSigned: options.mxSigned ?? true, signed: options.signed ?? ['example.com'], records });
  const findings = daneFindings(section, 'example.com');
  return { findings, codes: findings.map((f) => `${f.severity} ${f.code}`), text: findings.map((f) => f.message).join('\n') };
}
const tlsa = (text: string) => parseTlsaText(text)!;
const at = (...records: string[]) => ({ '_25._tcp.mx.example.com TLSA': records });

describe('daneFindings', () => {
  it('is ok with valid, rollover-ready records, and says plainly that port 25 was not checked', async () => {
    const { codes, findings } = await findingsFor(at(`3 1 1 ${SHA256}`, `2 1 1 ${TA256}`));
    expect(codes).toEqual(['ok dane-valid', 'info dane-not-matched']);
    expect(findings[1]!.message).toBe(
      'MXray asks DNS only: a browser cannot reach port 25, so the TLSA records were not matched against the certificate the server presents. The DANE section gives the commands that do it (posttls-finger, openssl s_client).',
    );
  });

  it('gives the commands that check port 25, filled in for the host and its usable records', () => {
    expect(checkCommands('mx.example.com', [tlsa(`3 1 1 ${SHA256}`), tlsa(`1 1 1 ${TA256}`), tlsa(`2 1 1 ${TA256}`)])).toEqual([
      'posttls-finger -t30 -T180 -c -L verbose,summary "[mx.example.com]"',
      `openssl s_client -starttls smtp -connect mx.example.com:25 -dane_tlsa_domain mx.example.com -dane_tlsa_rrdata "3 1 1 ${SHA256}" -dane_tlsa_rrdata "2 1 1 ${TA256}"`,
    ]);
  });

  it('notes a single record: not ready for a key change', async () => {
    expect((await findingsFor(at(`3 1 1 ${SHA256}`))).codes).toEqual(['info dane-no-rollover', 'ok dane-valid', 'info dane-not-matched']);
  });

  it('is an error when the TLSA question fails for a signed host: DANE senders defer the mail (RFC 7672 §2.2)', async () => {
    const { findings, codes } = await findingsFor({ '_25._tcp.mx.example.com TLSA': 'servfail' });
    expect(codes).toEqual(['error dane-lookup-failed']);
    expect(findings[0]!.message).toContain('DANE senders defer the mail');
    expect(findings[0]!.message).toContain('(SERVFAIL)');
  });

  it('says DANE cannot be used until the zone of the host is signed', async () => {
    const { codes, text } = await findingsFor({}, { hosts: [{ name: 'mx.example.com' }], signed: [] });
    expect(codes).toEqual(['info dane-unsigned']);
    expect(text).toContain('DANE cannot be used until the zone of mx.example.com is signed');
    const unsignedMx = await findingsFor({}, { mxSigned: false });
    expect(unsignedMx.text).toContain('DANE cannot be used until the zone of example.com is signed');
  });

  it('warns that TLSA served without DNSSEC is ignored by senders', async () => {
    const { codes, text } = await findingsFor(at(`3 1 1 ${SHA256}`), { hosts: [{ name: 'mx.example.com' }], signed: [] });
    expect(codes).toEqual(['warn dane-tlsa-insecure', 'info dane-not-matched']);
    expect(text).toContain(
      'mx.example.com publishes TLSA records at _25._tcp.mx.example.com, but the TLSA answer is not DNSSEC-validated (no AD bit), so senders ignore them. ' +
        'DANE cannot be used until the zone of mx.example.com is signed.',
    );
    const both = await findingsFor(at(`3 1 1 ${SHA256}`), { hosts: [{ name: 'mx.example.com' }], signed: [], mxSigned: false });
    expect(both.text).toContain("but neither example.com's MX answer nor the TLSA answer is DNSSEC-validated (no AD bit)");
  });

  it('warns that PKIX usages are not used for SMTP, and that a wrong hash length is unusable', async () => {
    const pkix = await findingsFor(at(`1 1 1 ${SHA256}`));
    expect(pkix.codes).toEqual(['warn dane-tlsa-unusable', 'info dane-not-matched']);
    expect(pkix.text).toContain('usage 1 (PKIX-EE) is not used for SMTP');
    const short = await findingsFor(at(`3 1 1 ${'ab'.repeat(20)}`));
    expect(short.text).toContain('needs 32 bytes of data; this record has 20');
  });

  it('notes ignored records beside a usable one', async () => {
    expect((await findingsFor(at(`3 1 1 ${SHA256}`, `0 0 1 ${TA256}`))).codes).toEqual([
      'info dane-tlsa-ignored-records',
      'info dane-no-rollover',
      'ok dane-valid',
      'info dane-not-matched',
    ]);
  });

  it('says a signed host without TLSA could turn DANE on, in one finding for all such hosts', async () => {
    const { codes, findings } = await findingsFor({}, { hosts: [MX, { name: 'mx2.example.com', signed: true }] });
    expect(codes).toEqual(['info dane-none']);
    expect(findings[0]!.message).toContain('mx.example.com and mx2.example.com publish no TLSA records');
  });

  it('says nothing before any answer', () => {
    expect(daneFindings(newDaneSection(), 'example.com')).toEqual([]);
  });
});
