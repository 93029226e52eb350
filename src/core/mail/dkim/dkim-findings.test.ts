import { describe, expect, it } from 'vitest';
import { dkimFindings } from './dkim-findings';
import { parseDkimKey } from './parse-dkim-key';
import { ED25519_RAW, RSA_1024_SPKI, RSA_2048_SPKI, RSA_512_SPKI } from './testing/test-keys';
import type { DkimSection, DkimSelectorResult } from './types';

function selector(name: string, records: string[], status: DkimSelectorResult['status'] = records.length ? 'ok' : 'nxdomain'): DkimSelectorResult {
  return { selector: name, name: `${name}._domainkey.example.com`, status, added: false, keys: records.map(parseDkimKey) };
}
function section(selectors: DkimSelectorResult[], status: DkimSection['status'] = 'done'): DkimSection {
  return { status, domain: 'example.com', selectors, ignoredSelectors: [] };
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

  it('says no key was found, and that selectors cannot be listed, so the user can add theirs', () => {
    const findings = dkimFindings(section([selector('google', []), selector('k1', [])]), 'example.com');
    expect(findings.map((f) => f.code)).toEqual(['dkim-none-found']);
    expect(findings[0]!.severity).toBe('info');
    expect(findings[0]!.message).toContain('cannot be listed');
    expect(findings[0]!.message).toContain('2 selectors tried');
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
