/**
 * The cryptography of DKIM and ARC through WebCrypto alone (`globalThis.crypto.subtle`), which
 * browsers, the extension's service worker and Node 20 all have: SHA-256, RSASSA-PKCS1-v1_5 with
 * SHA-256 (RFC 6376 §3.3.1) and Ed25519 over a SHA-256 digest (RFC 8463 §3). Never throws.
 */
import { readKeyShape } from '../../mail/dkim/key-size';

export type VerifyAlgorithm = 'rsa-sha256' | 'ed25519-sha256';

/** valid: the signature checks out or not; unsupported: this runtime cannot tell; bad-key: the key cannot be used. */
export type VerifyOutcome = { kind: 'valid' } | { kind: 'invalid' } | { kind: 'unsupported'; reason: string } | { kind: 'bad-key'; reason: string };

/** BufferSource wants an ArrayBuffer-backed view; a copy is the portable way to promise one. */
function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', buffer(bytes)));
}

/** Check `signature` over `data` with the DKIM key `publicKey` (the decoded p=). */
export async function verifySignature(algorithm: VerifyAlgorithm, publicKey: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<VerifyOutcome> {
  return algorithm === 'rsa-sha256' ? verifyRsa(publicKey, signature, data) : verifyEd25519(publicKey, signature, data);
}

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };

async function verifyRsa(publicKey: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<VerifyOutcome> {
  const shape = readKeyShape(publicKey);
  if (shape.kind !== 'rsa') return { kind: 'bad-key', reason: 'p= does not hold an RSA public key.' };
  // RFC 6376 §3.6.1 names a bare RSAPublicKey, but signers publish SubjectPublicKeyInfo; WebCrypto
  // reads only the latter, so a bare key is wrapped.
  const spki = shape.form === 'spki' ? publicKey : wrapRsaPublicKey(publicKey);
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', buffer(spki), RSA, false, ['verify']);
  } catch (error) {
    return { kind: 'bad-key', reason: `The RSA key cannot be read (${errorName(error)}).` };
  }
  try {
    return (await crypto.subtle.verify(RSA, key, buffer(signature), buffer(data))) ? { kind: 'valid' } : { kind: 'invalid' };
  } catch {
    // A signature of the wrong length is simply not a valid signature.
    return { kind: 'invalid' };
  }
}

async function verifyEd25519(publicKey: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<VerifyOutcome> {
  // RFC 8463 §4.2: p= is the bare 32-byte key.
  if (publicKey.length !== 32) return { kind: 'bad-key', reason: 'p= is not a 32-byte Ed25519 public key (RFC 8463 §4.2).' };
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', buffer(publicKey), { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    // Older browsers have no Ed25519 in WebCrypto: that says nothing about the signature.
    if (errorName(error) === 'NotSupportedError' || !(await ed25519Supported()))
      return { kind: 'unsupported', reason: 'this browser cannot verify Ed25519 signatures' };
    return { kind: 'bad-key', reason: `The Ed25519 key cannot be read (${errorName(error)}).` };
  }
  try {
    // RFC 8463 §3: the Ed25519 signature is over the SHA-256 hash of the header data, not the data.
    const digest = await sha256(data);
    return (await crypto.subtle.verify({ name: 'Ed25519' }, key, buffer(signature), buffer(digest))) ? { kind: 'valid' } : { kind: 'invalid' };
  } catch (error) {
    if (errorName(error) === 'NotSupportedError') return { kind: 'unsupported', reason: 'this browser cannot verify Ed25519 signatures' };
    return { kind: 'invalid' };
  }
}

let ed25519Probe: Promise<boolean> | undefined;

/** Whether this runtime's WebCrypto knows Ed25519 at all, asked once by generating a throwaway key. */
function ed25519Supported(): Promise<boolean> {
  ed25519Probe ??= crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']).then(
    () => true,
    () => false,
  );
  return ed25519Probe;
}

/** SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) around a bare RSAPublicKey: rsaEncryption OID, NULL parameters. */
export function wrapRsaPublicKey(rsaPublicKey: Uint8Array): Uint8Array {
  const algorithm = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
  const bitString = der(0x03, [0x00, ...rsaPublicKey]);
  return new Uint8Array(der(0x30, [...algorithm, ...bitString]));
}

/** One DER element: tag, definite length (short or long form), content. */
function der(tag: number, content: number[]): number[] {
  const length = content.length;
  if (length < 0x80) return [tag, length, ...content];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [tag, 0x80 | bytes.length, ...bytes, ...content];
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'error';
}
