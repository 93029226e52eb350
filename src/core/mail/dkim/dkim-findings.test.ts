import { describe, expect, it } from 'vitest';
import { dkimFindings } from './dkim-findings';
import { dkimSection } from './dkim-section';
import { parseDkimKey } from './parse-dkim-key';
import { ED25519_RAW, RSA_1024_SPKI, RSA_2048_SPKI, RSA_512_SPKI } from './testing/test-keys';
import type { DkimSection, DkimSelectorResult } from './types';

function selector(name: string, records: string[], status: DkimSelectorResult['status'] = records.length ? 'ok' : 'nxdomain'): DkimSelectorResult {
  return { selector: name, name: `${name}._domainkey.example.com`, status, added: false, keys: records.map(parseDkimKey) };
}
function section(
  selectors: DkimSelectorResult[],
  status: DkimSection['status'] = 'done',
  domainkey = 'nodata',
  wildcard: string[] | 'nxdomain' = 'nxdomain',
): DkimSection {
  return {
    status,
    domain: 'example.com',
    selectors,
    ignoredSelectors: [],
    domainkey: {
      name: '_domainkey.example.com',
      status: domainkey as DkimSection['selectors'][number]['status'],
      wildcardName: 'x._domainkey.example.com',
      wildcardStatus: wildcard === 'nxdomain' ? 'nxdomain' : wildcard.length > 0 ? 'ok' : 'nodata',
      wildcardRecords: wildcard === 'nxdomain' ? [] : wildcard,
    },
  };
}
const codes = (s: DkimSection) => dkimFindings(s, 'example.com').map((f) => `${f.severity} ${f.code}`);

describe('dkimFindings', () => {
  it('is ok for a 2048-bit RSA key and an Ed25519 key, naming selectors and sizes', () => {
    const findings = dkimFindings(
      section([selector('google', [`v=DKIM1; p=${RSA_2048_SPKI}`]), selector('ed', [`k=ed25519; p=${ED25519_RAW}`]), selector('k1', [])]),
      'example.com',
    );
    expect(findings).toEqual([expect.objectContaining({ code: 'dkim-key-ok', severity: 'ok' })]);
    expect(findings[0]!.message).toContain('google (2048-bit RSA) and ed (Ed25519)');
  });

  describe('when no selector tried has a key, says what _domainkey tells (RFC 8020)', () => {
    const none = [selector('google', []), selector('k1', [])];
    it.each([
      { domainkey: 'nxdomain', want: 'warn dkim-none-found', says: 'no DKIM key under any selector: _domainkey.example.com does not exist (NXDOMAIN)' },
      { domainkey: 'nodata', want: 'info dkim-other-selectors', says: 'DKIM names under selectors MXray did not try' },
      { domainkey: 'ok', want: 'info dkim-none-under-tried', says: 'it holds a record of its own' },
      { domainkey: 'servfail', want: 'info dkim-none-under-tried', says: 'its lookup failed: SERVFAIL' },
    ])('_domainkey $domainkey: $want', ({ domainkey, want, says }) => {
      const findings = dkimFindings(section(none, 'done', domainkey), 'example.com');
      expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual([want]);
      expect(findings[0]!.message).toContain(says);
    });

    it('says a wildcard makes the test unable to tell, whatever _domainkey says', () => {
      for (const wildcard of [[], ['v=DKIM1; p=']]) {
        const findings = dkimFindings(section(none, 'done', 'nodata', wildcard), 'example.com');
        expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['info dkim-wildcard']);
        expect(findings[0]!.message).toContain('cannot tell whether example.com has DKIM keys');
      }
    });

    it('without the _domainkey answer, says selectors cannot be listed, so the user can add theirs', () => {
      const findings = dkimFindings({ ...section(none), domainkey: undefined }, 'example.com');
      expect(findings.map((f) => f.code)).toEqual(['dkim-none-under-tried']);
      expect(findings[0]!.message).toContain('2 selectors tried');
      expect(findings[0]!.message).toContain('cannot be listed');
    });
  });

  it("leaves out a wildcard's copies under each selector, and keeps a real key", () => {
    const copy = 'v=DKIM1; p=';
    const wild = section([selector('google', [copy]), selector('k1', [copy]), selector('s1', [`p=${RSA_2048_SPKI}`])], 'done', 'nodata', [copy]);
    expect(codes(wild)).toEqual(['info dkim-wildcard', 'ok dkim-key-ok']);
    const onlyCopies = section([selector('google', [copy]), selector('k1', [copy])], 'done', 'nodata', [copy]);
    expect(codes(onlyCopies)).toEqual(['info dkim-wildcard']);
  });

  it('warns when _domainkey answers NXDOMAIN although a key exists below it (resolvers trusting RFC 8020 miss it)', () => {
    const findings = dkimFindings(section([selector('google', [`p=${RSA_2048_SPKI}`])], 'done', 'nxdomain'), 'example.com');
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['warn dkim-domainkey-nxdomain', 'ok dkim-key-ok']);
  });

  it('takes sendsNoMail from the section facts when the report hands it over', () => {
    const facts = { domainDisplay: 'example.com', mxHosts: [], mxKnown: true, mxListed: true };
    const bare = section([selector('google', [])], 'done', 'nxdomain');
    expect(dkimSection.findings(bare, facts).map((f) => f.code)).toEqual(['dkim-none-found']);
    expect(dkimSection.findings(bare, { ...facts, sendsNoMail: true } as typeof facts)).toEqual([]);
  });

  it('says nothing at all for a domain that sends no mail (null MX, v=spf1 -all, p=reject), as internet.nl', () => {
    expect(dkimFindings(section([selector('google', [])], 'done', 'nxdomain'), 'example.com', true)).toEqual([]);
    expect(dkimFindings(section([selector('old', [`p=${RSA_512_SPKI}`])]), 'example.com', true)).toEqual([]);
  });

  it('is an error for a key under 1024 bits (RFC 8301 §3.2: verifiers must not accept it)', () => {
    const findings = dkimFindings(section([selector('old', [`p=${RSA_512_SPKI}`])]), 'example.com');
    expect(findings[0]).toMatchObject({ code: 'dkim-key-too-short', severity: 'error', rfc: 'RFC 8301 §3.2', subject: 'old._domainkey.example.com' });
    expect(findings[0]!.message).toContain('512-bit');
  });

  it('warns about a 1024-bit key: it works, but use 2048', () => {
    expect(codes(section([selector('s1', [`p=${RSA_1024_SPKI}`])]))).toEqual(['warn dkim-key-short']);
  });

  it('notes a revoked key (empty p=)', () => {
    expect(codes(section([selector('old', ['v=DKIM1; p='])]))).toEqual(['info dkim-key-revoked']);
  });

  it('warns about testing mode (t=y): verifiers treat the mail as unsigned', () => {
    expect(codes(section([selector('s1', [`t=y; p=${RSA_2048_SPKI}`])]))).toEqual(['warn dkim-testing']);
  });

  it('is an error for a key verifiers cannot use, listing why', () => {
    const findings = dkimFindings(section([selector('bad', ['v=DKIM1; p=@@@'])]), 'example.com');
    expect(findings.map((f) => f.code)).toEqual(['dkim-key-invalid']);
    expect(findings[0]!.message).toContain('not valid base64');
  });

  it('says which selectors could not be looked up', () => {
    const findings = dkimFindings(
      section([selector('google', [], 'servfail'), selector('k1', [], 'error'), selector('s1', [`p=${RSA_2048_SPKI}`])]),
      'example.com',
    );
    expect(findings.map((f) => f.code)).toEqual(['dkim-lookup-failed', 'dkim-key-ok']);
    expect(findings[0]!.message).toContain('google and k1');
  });

  it('says problems with a key as soon as it lands, but nothing about the whole until done', () => {
    const partial = section([selector('old', [`p=${RSA_512_SPKI}`]), { ...selector('google', []), status: 'pending' }], 'pending');
    expect(codes(partial)).toEqual(['error dkim-key-too-short']);
    expect(codes(section([{ ...selector('google', []), status: 'pending' }], 'pending'))).toEqual([]);
  });

  it('keeps HTML in records as text in messages', () => {
    const findings = dkimFindings(section([selector('x', ['p=<img src=x>'])]), 'example.com');
    expect(findings[0]!.message).toContain('"<img src=x>"');
  });
});
