/**
 * Whether a key record may verify a given signature (RFC 6376 §6.1.2 step 5 onward, RFC 8301
 * §3.2, RFC 8463 §4): a reason in words when it may not (permerror), `null` when it may.
 */
import { decodeBase64 } from '../../mail/dkim/base64';
import type { DkimKey } from '../../mail/dkim/types';
import { parseTagList, tagValue } from '../../mail/tag-list';
import type { VerifyAlgorithm } from './crypto';

/** RFC 8301 §3.2: verifiers MUST NOT consider signatures with RSA keys under 1024 bits valid. */
export const MIN_RSA_BITS = 1024;

export function keyProblem(key: DkimKey, name: string, algorithm: VerifyAlgorithm, identityDomain: string | null, domain: string): string | null {
  // RFC 6376 §3.6.1 p=: "An empty value means that this public key has been revoked".
  if (key.revoked) return `the key at ${name} is revoked (empty p=)`;
  // RFC 6376 §6.1.2: a k= that does not match a= is PERMFAIL (inappropriate key algorithm).
  const wanted = algorithm === 'rsa-sha256' ? 'rsa' : 'ed25519';
  if (key.keyType !== wanted) return `the key at ${name} is k=${key.keyType}, which does not match a=${algorithm}`;
  // RFC 6376 §3.6.1 h=: a key limited to other hashes cannot verify a sha256 signature.
  if (key.hashes && !key.hashes.some((hash) => hash.toLowerCase() === 'sha256')) return `the key at ${name} allows only h=${key.hashes.join(':')}, not sha256`;
  if (key.errors.length > 0) return `the key at ${name} cannot be used: ${fragment(key.errors[0]!)}`;
  if (wanted === 'rsa' && key.bits !== undefined && key.bits < MIN_RSA_BITS)
    return `the key at ${name} is ${key.bits}-bit RSA; keys under ${MIN_RSA_BITS} bits are refused (RFC 8301 §3.2)`;
  // RFC 6376 §3.6.1 t=s: the i= domain must be exactly d=, not a subdomain.
  if (key.strict && identityDomain !== null && identityDomain !== domain)
    return `the key at ${name} has t=s, so i= must be exactly @${domain}, not a subdomain`;
  return null;
}

/** The decoded p= of a usable key (keyProblem returned null), or undefined. */
export function publicKeyBytes(key: DkimKey): Uint8Array | undefined {
  const value = tagValue(parseTagList(key.record).tags, 'p');
  return value === undefined ? undefined : decodeBase64(value);
}

/** A parser's sentence as part of a reason: no final period, a lower-case start unless a tag name. */
export function fragment(sentence: string): string {
  const trimmed = sentence.replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed[0]!.toLowerCase() + trimmed.slice(1) : trimmed;
}
