import { describe, expect, it } from 'vitest';
import { fakeAsk, type FakeRecords } from '../testing/fake-ask';
import { dmarcFindings } from './dmarc-findings';
import { newDmarcSection, probeDmarc } from './probe-dmarc';
import type { DmarcSection } from './types';

async function findings(records: FakeRecords, domain = 'example.com') {
  const section = newDmarcSection();
  await probeDmarc(section, { domain, ask: fakeAsk(records).ask });
  return dmarcFindings(section, domain);
}
const codes = async (records: FakeRecords, domain?: string) => (await findings(records, domain)).map((f) => `${f.severity} ${f.code}`);
const at = (record: string | string[]) => ({ '_dmarc.example.com TXT': Array.isArray(record) ? record : [record] });

describe('dmarcFindings', () => {
  it('is ok for p=reject at 100%, with reports', async () => {
    const list = await findings(at('v=DMARC1; p=reject; rua=mailto:d@example.com'));
    expect(list.map((f) => f.code)).toEqual(['dmarc-enforced']);
    expect(list[0]).toMatchObject({ severity: 'ok', rfc: 'RFC 7489 §6.3' });
    expect(list[0]!.message).toContain('receivers reject mail that fails');
  });

  it('is ok for p=quarantine too', async () => {
    expect(await codes(at('v=DMARC1; p=quarantine; rua=mailto:d@example.com'))).toEqual(['ok dmarc-enforced']);
  });

  it('warns when there is no record: spoofing is not blocked; suggests p=none with rua to start', async () => {
    const list = await findings({ 'example.com MX': ['mx.example.com'] });
    expect(list.map((f) => `${f.severity} ${f.code}`)).toEqual(['warn dmarc-missing']);
    expect(list[0]!.message).toContain('anyone can send mail in the name of example.com');
    expect(list[0]!.message).toContain('"v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"');
  });

  it('warns that p=none is monitoring only', async () => {
    const list = await findings(at('v=DMARC1; p=none; rua=mailto:d@example.com'));
    expect(list.map((f) => f.code)).toEqual(['dmarc-policy-none']);
    expect(list[0]!.message).toContain('monitoring only');
  });

  it('notes pct=, rf= and ri= as historic (RFC 9989), and still calls p=reject enforced whatever pct= says', async () => {
    const partial = await findings(at('v=DMARC1; p=reject; pct=25; rf=afrf; ri=3600; rua=mailto:d@example.com'));
    expect(partial.map((f) => `${f.severity} ${f.code}`)).toEqual(['info dmarc-historic-tags', 'ok dmarc-enforced']);
    expect(partial[0]).toMatchObject({ rfc: 'RFC 9989 §4.7' });
    expect(partial[0]!.message).toContain('pct=25, rf=afrf and ri=3600: these tags are historic in RFC 9989');
    expect(partial[0]!.message).toContain('Receivers still following RFC 7489 apply reject to only 25% of failing mail');
    expect(partial[1]!.message).toContain('(p=reject)');
    expect(await codes(at('v=DMARC1; p=quarantine; pct=0; rua=mailto:d@example.com'))).toEqual(['info dmarc-historic-tags', 'ok dmarc-enforced']);
    const full = await findings(at('v=DMARC1; p=reject; pct=100; rua=mailto:d@example.com'));
    expect(full[0]!.message).toContain('pct=100: this tag is historic');
    expect(full[0]!.message).not.toContain('RFC 7489 apply');
  });

  it('says a domain that does not exist gets np= of its parent (RFC 9989 §4.7)', async () => {
    const list = await findings({ '_dmarc.example.com TXT': ['v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:d@example.com'] }, 'ghost.example.com');
    expect(list.map((f) => `${f.severity} ${f.code}`)).toEqual(['info dmarc-inherited', 'ok dmarc-enforced']);
    expect(list[0]).toMatchObject({ rfc: 'RFC 9989 §4.7' });
    expect(list[0]!.message).toContain('ghost.example.com does not exist (NXDOMAIN)');
    expect(list[0]!.message).toContain('np=reject applies to mail claiming to be from ghost.example.com');
    expect(list[1]!.message).toContain('(np=reject)');
    const without = await findings({ '_dmarc.example.com TXT': ['v=DMARC1; p=none; rua=mailto:d@example.com'] }, 'ghost.example.com');
    expect(without[0]!.message).toContain('it has no np=, so its policy p=none applies');
  });

  it('notes that there are no aggregate reports without rua=', async () => {
    expect(await codes(at('v=DMARC1; p=reject'))).toEqual(['info dmarc-no-reports', 'ok dmarc-enforced']);
  });

  it('warns when sp= or np= is weaker than p=', async () => {
    const list = await findings(at('v=DMARC1; p=reject; sp=none; np=quarantine; rua=mailto:d@example.com'));
    expect(list.map((f) => f.code)).toEqual(['dmarc-subdomain-weaker', 'dmarc-enforced']);
    expect(list[0]!.message).toContain('sp=none and np=quarantine is weaker than p=reject');
  });

  it('notes testing mode (t=y) and does not call it enforced', async () => {
    expect(await codes(at('v=DMARC1; p=reject; t=y; rua=mailto:d@example.com'))).toEqual(['info dmarc-testing']);
  });

  it('is an error for syntax errors, saying what receivers do instead', async () => {
    const ignored = await findings(at('v=DMARC1; p=rejected'));
    expect(ignored[0]).toMatchObject({ code: 'dmarc-syntax', severity: 'error' });
    expect(ignored[0]!.message).toContain('p=rejected is not valid');
    expect(ignored[0]!.message).toContain('receivers apply no DMARC at all');
    const fallback = await findings(at('v=DMARC1; p=rejected; rua=mailto:d@example.com'));
    expect(fallback.map((f) => f.code)).toEqual(['dmarc-syntax', 'dmarc-policy-none']);
    expect(fallback[0]!.message).toContain('act as if it said p=none');
    const noPolicy = await findings(at('v=DMARC1; rua=mailto:d@example.com'));
    expect(noPolicy.map((f) => f.code)).toEqual(['dmarc-syntax', 'dmarc-policy-none']);
    expect(noPolicy[0]!.message).toContain('There is no p= tag');
    const minor = await findings(at('v=DMARC1; p=reject; adkim=x; rua=mailto:d@example.com'));
    expect(minor.map((f) => f.code)).toEqual(['dmarc-syntax', 'dmarc-enforced']);
    expect(minor[0]!.message).toContain('skip the broken parts');
  });

  it('is an error for several records: receivers discard them all', async () => {
    const list = await findings(at(['v=DMARC1; p=reject', 'v=DMARC1; p=none']));
    expect(list.map((f) => `${f.severity} ${f.code}`)).toEqual(['error dmarc-multiple-records']);
    expect(list[0]!.message).toContain('2 DMARC records');
  });

  it('is an error for a record receivers discard (v= not first, lower case)', async () => {
    const list = await findings(at('p=reject; v=DMARC1'));
    expect(list.map((f) => `${f.severity} ${f.code}`)).toEqual(['error dmarc-record-discarded']);
    expect(list[0]!.message).toContain('does not start with v=DMARC1');
  });

  it('notes a policy inherited from the organizational domain, naming the tag that applies', async () => {
    const list = await findings(
      { 'shop.example.com MX': ['mx.example.com'], '_dmarc.example.com TXT': ['v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:d@example.com'] },
      'shop.example.com',
    );
    expect(list.map((f) => f.code)).toEqual(['dmarc-inherited', 'dmarc-enforced']);
    expect(list[0]!.message).toContain(
      'its organizational domain, example.com: its subdomain policy sp=quarantine applies to shop.example.com (np=reject instead if shop.example.com did not exist)',
    );
    expect(list[1]!.message).toContain('(sp=quarantine)');
  });

  it('says when a lookup failed, and makes no claim about a missing record', async () => {
    const list = await findings({ '_dmarc.example.com TXT': 'servfail' });
    expect(list.map((f) => `${f.severity} ${f.code}`)).toEqual(['warn dmarc-lookup-failed']);
    expect(list[0]!.message).toContain('_dmarc.example.com failed (SERVFAIL)');
  });

  it('says a failed parent lookup makes the inherited policy uncertain', async () => {
    expect(await codes({ '_dmarc.com TXT': 'error' }, 'shop.example.com')).toEqual(['warn dmarc-lookup-failed']);
  });

  it('ignores a failed parent lookup when the domain has its own record', async () => {
    expect(await codes({ '_dmarc.example.com TXT': ['v=DMARC1; p=reject; rua=mailto:d@example.com'], '_dmarc.com TXT': 'servfail' })).toEqual([
      'ok dmarc-enforced',
    ]);
  });

  it('warns about an external report destination that has not agreed to take reports (RFC 7489 §7.1)', async () => {
    const list = await findings({
      '_dmarc.example.com TXT': ['v=DMARC1; p=reject; rua=mailto:a@vendor.example,mailto:b@ok.example'],
      'example.com._report._dmarc.ok.example TXT': ['v=DMARC1;'],
    });
    expect(list.map((f) => f.code)).toEqual(['dmarc-enforced', 'dmarc-report-destination-unauthorized']);
    expect(list[1]).toMatchObject({ severity: 'warn', subject: 'vendor.example', rfc: 'RFC 7489 §7.1' });
    expect(list[1]!.message).toContain('example.com._report._dmarc.vendor.example');
  });

  it('says nothing before the tree walk resolves', () => {
    const section: DmarcSection = {
      ...newDmarcSection(),
      domain: 'example.com',
      lookups: [{ domain: 'example.com', status: 'pending', records: [], discarded: [] }],
    };
    expect(dmarcFindings(section, 'example.com')).toEqual([]);
    expect(dmarcFindings(newDmarcSection(), 'example.com')).toEqual([]);
  });

  it('keeps HTML in records as text in messages', async () => {
    const list = await findings(at('v=DMARC1; p=<img src=x onerror=alert(1)>'));
    expect(list[0]!.message).toContain('p=<img src=x onerror=alert(1)> is not valid');
  });
});
