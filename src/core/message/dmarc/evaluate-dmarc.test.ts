import { describe, expect, it } from 'vitest';
import { fakeAsk, type FakeRecords } from '../../mail/testing/fake-ask';
import { DmarcEvaluation, type DmarcInputs } from './evaluate-dmarc';

const ZONE: FakeRecords = {
  '_dmarc.example.com TXT': ['v=DMARC1; p=reject; sp=quarantine; np=reject'],
  'example.com MX': ['mx.example.com'],
  'news.example.com MX': ['mx.example.com'],
  '_dmarc.strict.test TXT': ['v=DMARC1; p=quarantine; adkim=s; aspf=s'],
  '_dmarc.none.test TXT': ['v=DMARC1; p=none; pct=10'],
  '_dmarc.broken.test TXT': 'servfail',
};

async function dmarc(from: string | null, inputs: Partial<DmarcInputs> = {}, zone: FakeRecords = ZONE) {
  const { ask, asked } = fakeAsk(zone);
  const candidates = [...(inputs.dkimPassed ?? []), ...(inputs.spfPassed ? [inputs.spfPassed] : [])];
  const evaluation = new DmarcEvaluation(ask, from, candidates);
  const result = await evaluation.evaluate({ fromDomain: from, fromProblem: null, dkimPassed: [], spfPassed: null, ...inputs });
  return { result, asked };
}

describe('DMARC for a message (RFC 9989)', () => {
  it('passes on a DKIM signature of the From domain itself, with p=', async () => {
    const { result } = await dmarc('example.com', { dkimPassed: ['example.com'] });
    expect(result).toMatchObject({ result: 'pass', policy: 'reject', policyTag: 'p', alignment: { dkim: 'example.com', spf: null } });
  });

  it('aligns a parent DKIM domain in relaxed mode, and applies sp= to an existing subdomain', async () => {
    const { result } = await dmarc('news.example.com', { dkimPassed: ['example.com'] });
    expect(result).toMatchObject({ result: 'pass', policy: 'quarantine', policyTag: 'sp', recordDomain: 'example.com' });
  });

  it('applies np= when the From domain does not exist (RFC 9989 §4.7)', async () => {
    const { result } = await dmarc('ghost.example.com');
    expect(result).toMatchObject({ result: 'fail', policy: 'reject', policyTag: 'np' });
    expect(result.receiverAction).toMatch(/refuse/);
  });

  it('does not align a subdomain in strict mode', async () => {
    const { result } = await dmarc('strict.test', { dkimPassed: ['mail.strict.test'], spfPassed: 'bounces.strict.test' });
    expect(result).toMatchObject({ result: 'fail', alignment: { dkim: null, spf: null }, modes: { dkim: 's', spf: 's' } });
  });

  it('aligns SPF by the MAIL FROM domain', async () => {
    const { result } = await dmarc('example.com', { spfPassed: 'bounce.example.com' });
    expect(result).toMatchObject({ result: 'pass', alignment: { dkim: null, spf: 'bounce.example.com' } });
  });

  it('never lets the historic pct= change the policy', async () => {
    const { result } = await dmarc('none.test');
    expect(result).toMatchObject({ result: 'fail', policy: 'none' });
  });

  it('is none without a record, temperror when the record cannot be read, permerror without a From domain', async () => {
    expect((await dmarc('nothing.test')).result.result).toBe('none');
    expect((await dmarc('broken.test')).result.result).toBe('temperror');
    expect((await dmarc(null, { fromProblem: 'The message has 2 From fields.' })).result).toMatchObject({ result: 'permerror' });
  });

  it('reports alignment without a record too (relaxed, a domain at or below the other)', async () => {
    const { result } = await dmarc('news.norecord.test', { dkimPassed: ['norecord.test'] });
    expect(result).toMatchObject({ result: 'none', alignment: { dkim: 'norecord.test', spf: null } });
  });

  it('asks every walk at once', async () => {
    const { asked } = await dmarc('a.news.example.com', { dkimPassed: ['other.test'] });
    expect(asked).toEqual(
      expect.arrayContaining(['_dmarc.a.news.example.com TXT', '_dmarc.example.com TXT', '_dmarc.com TXT', '_dmarc.other.test TXT', 'a.news.example.com MX']),
    );
  });
});
