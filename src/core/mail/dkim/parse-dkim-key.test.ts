import { describe, expect, it } from 'vitest';
import { isDkimKeyRecord, parseDkimKey } from './parse-dkim-key';
import { ED25519_RAW, ED25519_SPKI, RSA_1024_PKCS1, RSA_2048_SPKI, RSA_512_SPKI } from './testing/test-keys';

describe('parseDkimKey (RFC 6376 §3.6.1)', () => {
  it('reads a 2048-bit RSA key with the defaults: k=rsa, no flags', () => {
    const key = parseDkimKey(`v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`);
    expect(key).toMatchObject({ keyType: 'rsa', bits: 2048, revoked: false, testing: false, strict: false, errors: [] });
  });

  it('takes rsa as the key type when k= is absent', () => {
    expect(parseDkimKey(`p=${RSA_1024_PKCS1}`)).toMatchObject({ keyType: 'rsa', bits: 1024, errors: [] });
  });

  it('reads the size of a key split over several strings with spaces (folding white space)', () => {
    const spaced = RSA_2048_SPKI.replace(/(.{60})/g, '$1 ');
    expect(parseDkimKey(`v=DKIM1; p=${spaced}`).bits).toBe(2048);
  });

  it('reads Ed25519 keys as 256 bits (RFC 8463)', () => {
    expect(parseDkimKey(`v=DKIM1; k=ed25519; p=${ED25519_RAW}`)).toMatchObject({ keyType: 'ed25519', bits: 256, errors: [] });
  });

  it('says so when an Ed25519 key is published as SubjectPublicKeyInfo (RFC 8463 §4.2 wants the bare key)', () => {
    expect(parseDkimKey(`k=ed25519; p=${ED25519_SPKI}`).errors[0]).toContain('SubjectPublicKeyInfo');
    expect(parseDkimKey(`k=ed25519; p=${RSA_512_SPKI}`).errors[0]).toContain('not a 32-byte Ed25519');
  });

  it('says so when an Ed25519 key is published without k=ed25519', () => {
    expect(parseDkimKey(`p=${ED25519_RAW}`).errors[0]).toContain('add k=ed25519');
  });

  it('reads an empty p= as a revoked key, with no errors', () => {
    expect(parseDkimKey('v=DKIM1; p=')).toMatchObject({ revoked: true, errors: [] });
    expect(parseDkimKey('v=DKIM1; k=rsa; p= ;')).toMatchObject({ revoked: true });
  });

  it('reads the flags t=y (testing) and t=s (strict), ignoring unknown ones', () => {
    expect(parseDkimKey(`t=y:s:x; p=${RSA_2048_SPKI}`)).toMatchObject({ testing: true, strict: true, errors: [] });
  });

  it('keeps h=, s= and n= as published', () => {
    expect(parseDkimKey(`h=sha256; s=email; n=rotated 2024; p=${RSA_2048_SPKI}`)).toMatchObject({
      hashes: ['sha256'],
      services: ['email'],
      notes: 'rotated 2024',
      errors: [],
    });
  });

  it('refuses a key limited to sha1 (RFC 8301 §3.1) or to services other than email', () => {
    expect(parseDkimKey(`h=sha1; p=${RSA_2048_SPKI}`).errors[0]).toContain('RFC 8301 §3.1');
    expect(parseDkimKey(`s=*; p=${RSA_2048_SPKI}`).errors).toEqual([]);
    expect(parseDkimKey(`s=other; p=${RSA_2048_SPKI}`).errors[0]).toContain('not for mail');
  });

  it('refuses a v= other than DKIM1, and v= not first', () => {
    expect(parseDkimKey(`v=DKIM2; p=${RSA_2048_SPKI}`).errors[0]).toContain('not DKIM1');
    expect(parseDkimKey(`p=${RSA_2048_SPKI}; v=DKIM1`).errors).toEqual(['v=DKIM1 must be the first tag.']);
  });

  it('refuses unknown key types, a missing p=, bad base64 and bytes that are not a key', () => {
    expect(parseDkimKey(`k=dsa; p=${RSA_2048_SPKI}`).errors[0]).toContain('k=dsa');
    expect(parseDkimKey('v=DKIM1; k=rsa').errors).toEqual(['There is no p= tag: the key itself is missing.']);
    expect(parseDkimKey('p=MIIB*not*base64').errors[0]).toContain('not valid base64');
    expect(parseDkimKey('p=AAAA').errors[0]).toContain('does not hold an RSA public key');
  });

  it('refuses duplicate tags (RFC 6376 §3.2)', () => {
    expect(parseDkimKey(`p=${RSA_2048_SPKI}; p=`).errors[0]).toContain('appears more than once');
  });

  it('keeps HTML in a record as plain data', () => {
    const key = parseDkimKey('v=DKIM1; n=<img src=x onerror=alert(1)>; p=<script>');
    expect(key.notes).toBe('<img src=x onerror=alert(1)>');
    expect(key.errors[0]).toContain('"<script>"');
  });

  it('never throws on garbage', () => {
    for (const text of ['', ';;;', '=', 'p', 'p=====', '\u0000\u0001', 'k=ed25519; p=AA==', 'x'.repeat(5000)]) expect(() => parseDkimKey(text)).not.toThrow();
  });
});

describe('isDkimKeyRecord', () => {
  it('takes records that start with v=DKIM1 or have a p= tag', () => {
    expect(isDkimKeyRecord('v=DKIM1; k=rsa')).toBe(true);
    expect(isDkimKeyRecord('k=rsa; p=AB')).toBe(true);
    expect(isDkimKeyRecord('p=')).toBe(true);
  });

  it('leaves out other TXT records at the name (a wildcard SPF, a token)', () => {
    expect(isDkimKeyRecord('v=spf1 -all')).toBe(false);
    expect(isDkimKeyRecord('google-site-verification=abc')).toBe(false);
  });
});
