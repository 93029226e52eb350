import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DnsAsk } from '../../mail/dns-ask';
import { fakeAsk, type FakeRecords } from '../../mail/testing/fake-ask';
import { readMessage } from '../parse/read-message';
import { bareRsaPublicKey, ed25519Key, rsaKey, type TestKey } from './testing/test-keys';
import { verifyDkimSignatures } from './verify-dkim';

const CRLF = '\r\n';
const SIGNED_AT = Date.UTC(2026, 0, 5, 12);
const NOW = SIGNED_AT + 3_600_000;
const KEY_NAME = 'sel._domainkey.example.com TXT';

const MESSAGE = [
  'From: Joe SixPack <joe@example.com>',
  'To: Suzie Q <suzie@example.net>',
  'Subject: Is dinner ready?',
  'Date: Mon, 05 Jan 2026 12:00:00 +0000',
  'Message-ID: <1@example.com>',
  '',
  'Hi.',
  '',
  'We lost the game.  Are you hungry yet?',
  '',
  'Joe.',
  '',
].join(CRLF);

let rsa: TestKey;
let ed: TestKey;
beforeAll(async () => {
  [rsa, ed] = await Promise.all([rsaKey(2048), ed25519Key()]);
});
afterEach(() => vi.restoreAllMocks());

/** Sign with mailauth (an independent implementation) and prepend its DKIM-Signature. */
async function signed(key: TestKey, options: Record<string, unknown> = {}, message = MESSAGE): Promise<string> {
  const signature = { signingDomain: 'example.com', selector: 'sel', privateKey: key.pem, ...options };
  // Per-signature options live in signatureData, the shared ones (c=, a=, t=, x=, h=) at the top.
  const result = await dkimSign(message, { signTime: new Date(SIGNED_AT), ...signature, signatureData: [signature] });
  expect(result.errors).toEqual([]);
  expect(result.signatures).not.toBe('');
  return result.signatures + message;
}

async function verify(text: string, records: FakeRecords, ask?: DnsAsk) {
  return verifyDkimSignatures(readMessage(text), ask ?? fakeAsk(records).ask, { now: () => NOW });
}

describe('verifyDkimSignatures, messages signed by mailauth', () => {
  for (const canonicalization of ['relaxed/relaxed', 'simple/simple', 'relaxed/simple', 'simple/relaxed']) {
    it(`passes rsa-sha256 ${canonicalization}`, async () => {
      const [result] = await verify(await signed(rsa, { canonicalization }), { [KEY_NAME]: [rsa.record] });
      expect(result).toMatchObject({
        result: 'pass',
        domain: 'example.com',
        selector: 'sel',
        algorithm: 'rsa-sha256',
        bodyChecked: true,
        headerVerified: true,
        keyBits: 2048,
        canonicalization,
        signedAt: new Date(SIGNED_AT).toISOString(),
        identity: '@example.com',
      });
      expect(result!.signedHeaders.map((name) => name.toLowerCase())).toContain('from');
    });

    it(`passes ed25519-sha256 ${canonicalization} (RFC 8463)`, async () => {
      const [result] = await verify(await signed(ed, { canonicalization }), { [KEY_NAME]: [ed.record] });
      expect(result).toMatchObject({ result: 'pass', algorithm: 'ed25519-sha256', keyBits: 256, bodyChecked: true });
    });
  }

  it('fails a changed body: body hash mismatch', async () => {
    const text = (await signed(rsa)).replace('hungry', 'thirsty');
    const [result] = await verify(text, { [KEY_NAME]: [rsa.record] });
    expect(result).toMatchObject({ result: 'fail', headerVerified: true, bodyChecked: true });
    expect(result!.reason).toBe('the body was changed after example.com signed it (body hash mismatch)');
  });

  it('fails a changed signed header: header signature mismatch', async () => {
    const text = (await signed(ed)).replace('Subject: Is dinner ready?', 'Subject: Is lunch ready?');
    const [result] = await verify(text, { [KEY_NAME]: [ed.record] });
    expect(result).toMatchObject({ result: 'fail', headerVerified: false, bodyChecked: true });
    expect(result!.reason).toMatch(/header signature mismatch/);
  });

  it('still passes when an unsigned header is added', async () => {
    const text = `X-Spam-Score: 0.1${CRLF}${await signed(rsa, { canonicalization: 'simple/simple' })}`;
    expect((await verify(text, { [KEY_NAME]: [rsa.record] }))[0]!.result).toBe('pass');
  });

  it('passes l= with appended text, and warns that l= lets anyone append', async () => {
    const text = `${await signed(rsa, { maxBodyLength: 20 })}Appended by someone else.${CRLF}`;
    const [result] = await verify(text, { [KEY_NAME]: [rsa.record] });
    expect(result).toMatchObject({ result: 'pass', bodyLength: 20 });
    expect(result!.warnings).toContain('l= lets anyone append content after the signed part.');
  });

  it('refuses an expired x= (permerror, with the date)', async () => {
    const [result] = await verify(await signed(rsa, { expires: new Date(SIGNED_AT + 60_000) }), { [KEY_NAME]: [rsa.record] });
    expect(result).toMatchObject({ result: 'permerror', expiresAt: '2026-01-05T12:01:00.000Z' });
    expect(result!.reason).toBe('the signature expired on 2026-01-05T12:01:00.000Z');
  });

  it('refuses a revoked key (empty p=)', async () => {
    const [result] = await verify(await signed(rsa), { [KEY_NAME]: ['v=DKIM1; k=rsa; p='] });
    expect(result).toMatchObject({ result: 'permerror', reason: 'the key at sel._domainkey.example.com is revoked (empty p=)' });
  });

  it('refuses a missing key: NXDOMAIN, NODATA, or no DKIM record', async () => {
    const text = await signed(rsa);
    expect((await verify(text, {}))[0]!.reason).toMatch(/^no key at that selector: sel._domainkey.example.com does not exist/);
    expect((await verify(text, { 'sel._domainkey.example.com A': ['192.0.2.1'] }))[0]!.reason).toMatch(/has no TXT record/);
    const [other] = await verify(text, { [KEY_NAME]: ['v=spf1 -all'] });
    expect(other).toMatchObject({ result: 'permerror' });
    expect(other!.reason).toMatch(/none is a DKIM key/);
  });

  it('refuses rsa-sha1 (RFC 8301)', async () => {
    const [result] = await verify(await signed(rsa, { algorithm: 'rsa-sha1' }), { [KEY_NAME]: [rsa.record] });
    expect(result).toMatchObject({ result: 'permerror', reason: 'rsa-sha1 is not accepted since RFC 8301', algorithm: 'rsa-sha1' });
  });

  it('refuses an RSA key under 1024 bits (RFC 8301 §3.2)', async () => {
    const weak = await rsaKey(512);
    const [result] = await verify(await signed(weak), { [KEY_NAME]: [weak.record] });
    expect(result).toMatchObject({ result: 'permerror', keyBits: 512 });
    expect(result!.reason).toMatch(/512-bit RSA; keys under 1024 bits are refused/);
  });

  it('gives neutral for a header block alone: the header signature verifies, the body is not checked', async () => {
    const text = (await signed(rsa)).split(`${CRLF}${CRLF}`)[0]!;
    const [result] = await verify(text, { [KEY_NAME]: [rsa.record] });
    expect(result).toMatchObject({ result: 'neutral', bodyChecked: false, headerVerified: true });
    expect(result!.reason).toMatch(/body was not given/);
  });

  it('never passes a truncated body', async () => {
    const message = { ...readMessage(await signed(rsa)), bodyTruncated: true };
    const [result] = await verifyDkimSignatures(message, fakeAsk({ [KEY_NAME]: [rsa.record] }).ask, { now: () => NOW });
    expect(result).toMatchObject({ result: 'neutral', bodyChecked: false });
  });

  it('gives temperror when the key lookup fails (SERVFAIL, timeout)', async () => {
    const text = await signed(rsa);
    expect((await verify(text, { [KEY_NAME]: 'servfail' }))[0]).toMatchObject({ result: 'temperror', reason: expect.stringMatching(/SERVFAIL/) });
    expect((await verify(text, { [KEY_NAME]: 'error' }))[0]).toMatchObject({ result: 'temperror', reason: expect.stringMatching(/did not answer/) });
  });

  it('gives permerror, without a lookup, for garbage tags', async () => {
    const fake = fakeAsk({});
    const text = `DKIM-Signature: v=1; a=rsa-sha256; garbage here; d=example.com; s=sel${CRLF}${MESSAGE}`;
    const [result] = await verify(text, {}, fake.ask);
    expect(result).toMatchObject({ result: 'permerror', domain: 'example.com', selector: 'sel' });
    expect(result!.reason).toMatch(/^the signature cannot be read: "garbage here" is not a tag=value pair/);
    expect(fake.asked).toEqual([]);
  });

  it('verifies at most 10 signatures, lists the rest as neutral, and asks each key once', async () => {
    const signature = (await signed(rsa)).slice(0, -MESSAGE.length);
    const fake = fakeAsk({ [KEY_NAME]: [rsa.record] });
    const results = await verify(signature.repeat(12) + MESSAGE, {}, fake.ask);
    expect(results.map((result) => result.result)).toEqual([...Array<string>(10).fill('pass'), 'neutral', 'neutral']);
    expect(results[11]!.reason).toBe('not verified: MXray checks at most 10 signatures');
    expect(fake.asked).toEqual([KEY_NAME]);
  });

  it('asks all keys in parallel', async () => {
    const first = await signed(rsa);
    const both = await signed(ed, { selector: 'two' }, first);
    const records: FakeRecords = { [KEY_NAME]: [rsa.record], 'two._domainkey.example.com TXT': [ed.record] };
    let inFlight = 0;
    let most = 0;
    const inner = fakeAsk(records).ask;
    const ask: DnsAsk = async (name, type) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight--;
      return inner(name, type);
    };
    const results = await verify(both, {}, ask);
    expect(results.map((result) => result.result)).toEqual(['pass', 'pass']);
    expect(most).toBe(2);
  });

  it('reads a bare PKCS#1 RSAPublicKey in p= (wrapped for WebCrypto)', async () => {
    const record = `v=DKIM1; p=${bareRsaPublicKey(rsa.publicKey)}`;
    expect((await verify(await signed(rsa), { [KEY_NAME]: [record] }))[0]!.result).toBe('pass');
  });

  it('marks a t=y key as testing, with a warning', async () => {
    const [result] = await verify(await signed(rsa), { [KEY_NAME]: [`${rsa.record}; t=y`] });
    expect(result).toMatchObject({ result: 'pass', testing: true });
    expect(result!.warnings.join(' ')).toMatch(/t=y \(testing\)/);
  });

  it('refuses a key whose k= does not match a=, or whose h= excludes sha256', async () => {
    const text = await signed(rsa);
    expect((await verify(text, { [KEY_NAME]: [ed.record] }))[0]!.reason).toMatch(/k=ed25519, which does not match a=rsa-sha256/);
    expect((await verify(text, { [KEY_NAME]: [`${rsa.record}; h=sha1`] }))[0]!.reason).toMatch(/allows only h=sha1/);
  });

  it('refuses t=s when i= is a subdomain of d=', async () => {
    const text = await signed(rsa, { identity: 'joe@mail.example.com' });
    expect((await verify(text, { [KEY_NAME]: [rsa.record] }))[0]).toMatchObject({ result: 'pass', identity: 'joe@mail.example.com' });
    expect((await verify(text, { [KEY_NAME]: [`${rsa.record}; t=s`] }))[0]!.reason).toMatch(/t=s, so i= must be exactly @example.com/);
  });

  it('refuses a key that does not decode', async () => {
    const [result] = await verify(await signed(rsa), { [KEY_NAME]: ['v=DKIM1; k=rsa; p=not*base64'] });
    expect(result).toMatchObject({ result: 'permerror' });
    expect(result!.reason).toMatch(/^the key at sel._domainkey.example.com cannot be used: p= is not valid base64/);
  });

  it('tries each of several key records, and warns', async () => {
    const [result] = await verify(await signed(rsa), { [KEY_NAME]: [ed.record, rsa.record] });
    expect(result!.result).toBe('pass');
    expect(result!.warnings.join(' ')).toMatch(/has 2 DKIM key records/);
  });

  it('gives temperror, never pass or fail, when the runtime cannot verify Ed25519', async () => {
    const text = await signed(ed);
    const importKey = crypto.subtle.importKey.bind(crypto.subtle);
    vi.spyOn(crypto.subtle, 'importKey').mockImplementation((format, data, algorithm, extractable, usages) => {
      if (typeof algorithm === 'object' && algorithm.name === 'Ed25519') return Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'));
      return importKey(format as 'raw', data as BufferSource, algorithm, extractable, usages);
    });
    const [result] = await verify(text, { [KEY_NAME]: [ed.record] });
    expect(result).toMatchObject({ result: 'temperror', reason: 'this browser cannot verify Ed25519 signatures' });
  });

  it('advises over-signing when From is signed once', async () => {
    const [result] = await verify(await signed(rsa), { [KEY_NAME]: [rsa.record] });
    expect(result!.warnings.join(' ')).toMatch(/From.*signed only as often/);
  });

  it('returns nothing for a message without signatures, and never throws on junk', async () => {
    expect(await verify(MESSAGE, {})).toEqual([]);
    const junk = `DKIM-Signature: \xff\x00;;==;b=;${CRLF}DKIM-Signature:${CRLF}${MESSAGE}`;
    expect((await verify(junk, {})).map((result) => result.result)).toEqual(['permerror', 'permerror']);
  });
});
