import { describe, expect, it } from 'vitest';
import { integerBits, readDer } from './asn1';
import { decodeBase64 } from './base64';
import { readKeyShape } from './key-size';
import * as keys from './testing/test-keys';

const shapeOf = (base64: string) => readKeyShape(decodeBase64(base64)!);

describe('decodeBase64', () => {
  it('decodes padded base64 to bytes, ignoring folding white space', () => {
    expect([...decodeBase64('AQID BA==')!]).toEqual([1, 2, 3, 4]);
    expect([...decodeBase64('AQ\r\n\tID')!]).toEqual([1, 2, 3]);
    expect([...decodeBase64('')!]).toEqual([]);
  });

  it('refuses text that is not base64', () => {
    for (const text of ['AQ', 'AQI', 'A===', '****', 'AQID!', '<script>']) expect(decodeBase64(text), text).toBeUndefined();
  });
});

describe('readKeyShape', () => {
  it('reads the modulus size of real RSA keys in SubjectPublicKeyInfo form', () => {
    expect(shapeOf(keys.RSA_512_SPKI)).toEqual({ kind: 'rsa', bits: 512, form: 'spki' });
    expect(shapeOf(keys.RSA_1024_SPKI)).toEqual({ kind: 'rsa', bits: 1024, form: 'spki' });
    expect(shapeOf(keys.RSA_2048_SPKI)).toEqual({ kind: 'rsa', bits: 2048, form: 'spki' });
    expect(shapeOf(keys.RSA_4096_SPKI)).toEqual({ kind: 'rsa', bits: 4096, form: 'spki' });
  });

  it('reads bare PKCS #1 RSAPublicKey keys too', () => {
    expect(shapeOf(keys.RSA_512_PKCS1)).toEqual({ kind: 'rsa', bits: 512, form: 'pkcs1' });
    expect(shapeOf(keys.RSA_1024_PKCS1)).toEqual({ kind: 'rsa', bits: 1024, form: 'pkcs1' });
    expect(shapeOf(keys.RSA_2048_PKCS1)).toEqual({ kind: 'rsa', bits: 2048, form: 'pkcs1' });
  });

  it('tells a bare 32-byte Ed25519 key from one wrapped in SubjectPublicKeyInfo', () => {
    expect(shapeOf(keys.ED25519_RAW)).toEqual({ kind: 'ed25519-raw' });
    expect(shapeOf(keys.ED25519_SPKI)).toEqual({ kind: 'ed25519-spki' });
  });

  it('says unknown for truncated, padded or garbage DER, never throwing', () => {
    const spki = decodeBase64(keys.RSA_2048_SPKI)!;
    for (let cut = 0; cut < spki.length; cut += 7) expect(readKeyShape(spki.slice(0, cut)).kind).not.toBe('rsa');
    expect(readKeyShape(new Uint8Array([...spki, 0])).kind).toBe('unknown');
    expect(readKeyShape(new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff])).kind).toBe('unknown');
    expect(readKeyShape(new Uint8Array([0x30, 0x80])).kind).toBe('unknown');
    expect(readKeyShape(new Uint8Array([0x1f, 0x01, 0x00])).kind).toBe('unknown');
    expect(readKeyShape(new TextEncoder().encode('<b>not a key</b>')).kind).toBe('unknown');
  });

  it('says other-spki for a SubjectPublicKeyInfo of another algorithm (EC P-256)', () => {
    // openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 | openssl pkey -pubout -outform DER | base64
    const ec = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE0F8kv4tT91571JF4I5dqKglf7JsJoTrLp+tfigEEbZOZD9RfunDGNIIC4fYbHp/eZdHnUw6msHHmFOa+mdgL9w==';
    expect(shapeOf(ec).kind).toBe('other-spki');
  });
});

describe('DER reading', () => {
  it('reads short and long form lengths and refuses lengths past the end', () => {
    expect(readDer(new Uint8Array([0x02, 0x01, 0x05]), 0)).toEqual({ tag: 2, start: 2, end: 3 });
    expect(readDer(new Uint8Array([0x02, 0x81, 0x01, 0x05]), 0)).toEqual({ tag: 2, start: 3, end: 4 });
    expect(readDer(new Uint8Array([0x02, 0x02, 0x05]), 0)).toBeUndefined();
  });

  it('counts integer bits without the leading zero byte', () => {
    const bytes = new Uint8Array([0x02, 0x03, 0x00, 0x80, 0x01]);
    expect(integerBits(bytes, readDer(bytes, 0)!)).toBe(16);
  });
});
