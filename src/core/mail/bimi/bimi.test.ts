import { describe, expect, it } from 'vitest';
import { fakeAsk, type FakeRecords } from '../testing/fake-ask';
import { bimiFindings } from './bimi-findings';
import { newBimiSection, probeBimi } from './probe-bimi';

async function probe(records: FakeRecords) {
  const section = newBimiSection();
  const fake = fakeAsk(records);
  await probeBimi(section, { domain: 'example.com', ask: fake.ask });
  return {
    section,
    asked: fake.asked,
    codes: bimiFindings(section, 'example.com').map((f) => `${f.severity} ${f.code}`),
    findings: bimiFindings(section, 'example.com'),
  };
}
const at = (...records: string[]) => ({ 'default._bimi.example.com TXT': records });

describe('probeBimi', () => {
  it('asks default._bimi.<domain> and reads the record', async () => {
    const { section, asked } = await probe(at('v=BIMI1; l=https://example.com/logo.svg', 'other text'));
    expect(asked).toEqual(['default._bimi.example.com TXT']);
    expect(section).toMatchObject({
      status: 'done',
      name: 'default._bimi.example.com',
      txtStatus: 'ok',
      records: ['v=BIMI1; l=https://example.com/logo.svg'],
      parsed: { location: 'https://example.com/logo.svg' },
    });
  });

  it('never rejects, and asks nothing once aborted', async () => {
    const section = newBimiSection();
    await probeBimi(section, { domain: 'example.com', ask: () => Promise.reject(new Error('x')) });
    expect(section).toMatchObject({ status: 'done', txtStatus: 'error' });
    const controller = new AbortController();
    controller.abort();
    const fake = fakeAsk({});
    await probeBimi(newBimiSection(), { domain: 'example.com', ask: fake.ask, signal: controller.signal });
    expect(fake.asked).toEqual([]);
  });
});

describe('bimiFindings', () => {
  it('is ok with a logo and a mark certificate, saying DMARC must be enforced', async () => {
    const { findings } = await probe(at('v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem'));
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['ok bimi-published']);
    expect(findings[0]!.message).toContain('p=quarantine (at 100%) or p=reject');
  });

  it('notes a missing record as optional', async () => {
    expect((await probe({})).codes).toEqual(['info bimi-missing']);
  });

  it('notes that without a= most providers show no logo (VMC/CMC)', async () => {
    const { findings } = await probe(at('v=BIMI1; l=https://example.com/logo.svg'));
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['info bimi-no-evidence']);
    expect(findings[0]!.message).toContain('Verified Mark Certificate (VMC) or Common Mark Certificate (CMC)');
  });

  it('warns when the logo is not at an https: URL', async () => {
    expect((await probe(at('v=BIMI1; l=http://example.com/logo.svg; a=https://example.com/vmc.pem'))).codes).toEqual(['warn bimi-location-not-https']);
  });

  it('notes a declination record', async () => {
    expect((await probe(at('v=BIMI1; l=; a=;'))).codes).toEqual(['info bimi-declined']);
  });

  it('warns about errors and about several records', async () => {
    expect((await probe(at('v=BIMI1; a=https://example.com/vmc.pem'))).codes).toEqual(['warn bimi-invalid']);
    expect((await probe(at('v=BIMI1; l=', 'v=BIMI1; l=https://example.com/logo.svg'))).codes).toEqual(['warn bimi-multiple-records']);
  });

  it('warns when the lookup failed, and says nothing while pending', async () => {
    expect((await probe({ 'default._bimi.example.com TXT': 'servfail' })).codes).toEqual(['warn bimi-lookup-failed']);
    expect(bimiFindings(newBimiSection(), 'example.com')).toEqual([]);
  });

  it('keeps HTML in a record as text in messages', async () => {
    const { findings } = await probe(at('v=BIMI1; l=<img src=x onerror=alert(1)>'));
    expect(findings[0]!.message).toContain('l=<img src=x onerror=alert(1)>');
  });
});
