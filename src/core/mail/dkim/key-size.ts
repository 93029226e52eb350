/**
 * What a DKIM `p=` value holds, from its bytes: the RSA modulus size of a SubjectPublicKeyInfo
 * (RFC 5280 §4.1; what `openssl rsa -pubout` writes and every signer publishes) or of a bare
 * RSAPublicKey (RFC 8017 §A.1.1; what RFC 6376 §3.6.1 literally names), and the 32-byte Ed25519
 * key of RFC 8463 §4.2.
 */
import { integerBits, readChildren, readDer, type Der } from './asn1';

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const OBJECT_IDENTIFIER = 0x06;
/** 1.2.840.113549.1.1.1 rsaEncryption */
const RSA_OID = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
/** 1.3.101.112 id-Ed25519 (RFC 8410) */
const ED25519_OID = [0x2b, 0x65, 0x70];

export type KeyShape =
  { kind: 'rsa'; bits: number; form: 'spki' | 'pkcs1' } | { kind: 'ed25519-raw' } | { kind: 'ed25519-spki' } | { kind: 'other-spki' } | { kind: 'unknown' };

/** Recognise the key in `bytes`. Never throws. */
export function readKeyShape(bytes: Uint8Array): KeyShape {
  if (bytes.length === 32) return { kind: 'ed25519-raw' };
  const outer = readDer(bytes, 0);
  if (!outer || outer.tag !== SEQUENCE || outer.end !== bytes.length) return { kind: 'unknown' };
  const children = readChildren(bytes, outer);
  if (!children) return { kind: 'unknown' };
  const bare = rsaModulusBits(bytes, children);
  if (bare !== undefined) return { kind: 'rsa', bits: bare, form: 'pkcs1' };
  // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
  const [algorithm, key] = children;
  if (children.length !== 2 || algorithm?.tag !== SEQUENCE || key?.tag !== BIT_STRING) return { kind: 'unknown' };
  const oid = readChildren(bytes, algorithm)?.[0];
  if (!oid || oid.tag !== OBJECT_IDENTIFIER) return { kind: 'unknown' };
  if (sameBytes(bytes, oid, ED25519_OID)) return { kind: 'ed25519-spki' };
  if (!sameBytes(bytes, oid, RSA_OID)) return { kind: 'other-spki' };
  // The BIT STRING starts with its count of unused bits (0), then the DER RSAPublicKey.
  if (key.end - key.start < 2 || bytes[key.start] !== 0) return { kind: 'unknown' };
  const inner = readDer(bytes, key.start + 1, key.end);
  if (!inner || inner.tag !== SEQUENCE || inner.end !== key.end) return { kind: 'unknown' };
  const fields = readChildren(bytes, inner);
  const bits = fields && rsaModulusBits(bytes, fields);
  return bits === undefined ? { kind: 'unknown' } : { kind: 'rsa', bits, form: 'spki' };
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } */
function rsaModulusBits(bytes: Uint8Array, fields: Der[]): number | undefined {
  const [modulus, exponent] = fields;
  if (fields.length !== 2 || modulus?.tag !== INTEGER || exponent?.tag !== INTEGER) return undefined;
  const bits = integerBits(bytes, modulus);
  return bits > 0 ? bits : undefined;
}

function sameBytes(bytes: Uint8Array, element: Der, expected: readonly number[]): boolean {
  if (element.end - element.start !== expected.length) return false;
  return expected.every((byte, index) => bytes[element.start + index] === byte);
}
