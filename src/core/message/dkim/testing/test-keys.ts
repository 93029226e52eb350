/**
 * Keys for the DKIM and ARC tests, made with WebCrypto at test time: the private key as PEM (what
 * signers such as mailauth read) and the key record to publish. Pure, so it type-checks with core.
 */
import { readChildren, readDer } from '../../../mail/dkim/asn1';

export interface TestKey {
  /** PKCS#8 PEM of the private key. */
  pem: string;
  /** The DKIM key record, `v=DKIM1; k=...; p=...`. */
  record: string;
  /** p= alone (base64). */
  publicKey: string;
  privateKey: CryptoKey;
}

function base64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function pem(key: CryptoKey): Promise<string> {
  const body = base64(await crypto.subtle.exportKey('pkcs8', key)).replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN PRIVATE KEY-----\n${body}-----END PRIVATE KEY-----\n`;
}

export async function rsaKey(bits = 2048): Promise<TestKey> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const publicKey = base64(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { pem: await pem(pair.privateKey), record: `v=DKIM1; k=rsa; p=${publicKey}`, publicKey, privateKey: pair.privateKey };
}

export async function ed25519Key(): Promise<TestKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = base64(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { pem: await pem(pair.privateKey), record: `v=DKIM1; k=ed25519; p=${publicKey}`, publicKey, privateKey: pair.privateKey };
}

/** The bare RSAPublicKey (PKCS#1) inside an SPKI p=, as some publishers put it in DNS. */
export function bareRsaPublicKey(spkiBase64: string): string {
  const spki = Uint8Array.from(atob(spkiBase64), (char) => char.charCodeAt(0));
  const outer = readDer(spki, 0)!;
  const bitString = readChildren(spki, outer)![1]!;
  return base64(spki.subarray(bitString.start + 1, bitString.end));
}
