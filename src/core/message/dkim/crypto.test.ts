import { describe, expect, it } from 'vitest';
import { readKeyShape } from '../../mail/dkim/key-size';
import { sha256, verifySignature, wrapRsaPublicKey } from './crypto';
import { bareRsaPublicKey, ed25519Key, rsaKey } from './testing/test-keys';

const bytes = (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
const data = new TextEncoder().encode('header data');

describe('crypto', () => {
  it('hashes with SHA-256', async () => {
    expect(btoa(String.fromCharCode(...(await sha256(new Uint8Array()))))).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });

  it('wraps a bare PKCS#1 RSAPublicKey into the exact SubjectPublicKeyInfo WebCrypto exported', async () => {
    const key = await rsaKey(1024);
    expect(wrapRsaPublicKey(bytes(bareRsaPublicKey(key.publicKey)))).toEqual(bytes(key.publicKey));
    expect(readKeyShape(wrapRsaPublicKey(bytes(bareRsaPublicKey(key.publicKey))))).toEqual({ kind: 'rsa', bits: 1024, form: 'spki' });
  });

  it('verifies RSA and Ed25519 (over the SHA-256 of the data, RFC 8463 §3), and says invalid for a wrong signature', async () => {
    const rsa = await rsaKey(2048);
    const rsaSignature = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', rsa.privateKey, data));
    expect(await verifySignature('rsa-sha256', bytes(rsa.publicKey), rsaSignature, data)).toEqual({ kind: 'valid' });
    expect(await verifySignature('rsa-sha256', bytes(bareRsaPublicKey(rsa.publicKey)), rsaSignature, data)).toEqual({ kind: 'valid' });
    expect(await verifySignature('rsa-sha256', bytes(rsa.publicKey), rsaSignature.slice(1), data)).toEqual({ kind: 'invalid' });

    const ed = await ed25519Key();
    const edSignature = new Uint8Array(await crypto.subtle.sign('Ed25519', ed.privateKey, (await sha256(data)).slice().buffer as ArrayBuffer));
    expect(await verifySignature('ed25519-sha256', bytes(ed.publicKey), edSignature, data)).toEqual({ kind: 'valid' });
    // Signing the data itself, not its digest, is the mistake RFC 8463 §3 rules out.
    const direct = new Uint8Array(await crypto.subtle.sign('Ed25519', ed.privateKey, data));
    expect(await verifySignature('ed25519-sha256', bytes(ed.publicKey), direct, data)).toEqual({ kind: 'invalid' });
  });

  it('says bad-key, never throws, for keys that are not keys', async () => {
    expect((await verifySignature('rsa-sha256', new Uint8Array([1, 2, 3]), new Uint8Array(4), data)).kind).toBe('bad-key');
    expect((await verifySignature('ed25519-sha256', new Uint8Array(31), new Uint8Array(64), data)).kind).toBe('bad-key');
  });
});
