/**
 * One DKIM-style signature checked against its key (RFC 6376 §6.1): the steps every
 * DKIM-Signature and ARC-Message-Signature share, from the tags to the body hash. The result
 * uses RFC 8601's words; a reason in words says why. Never throws.
 */
import { decodeBase64 } from '../../mail/dkim/base64';
import type { DkimKey } from '../../mail/dkim/types';
import { bytesOf } from '../parse/byte-string';
import type { HeaderField, ParsedMessage } from '../types';
import { verifySignature, type VerifyAlgorithm } from './crypto';
import type { BodyHashes } from './body-hashes';
import { headerHashInput } from './header-hash-input';
import { fragment, keyProblem, publicKeyBytes } from './key-checks';
import type { KeyLookup } from './key-lookup';
import type { SignatureTags } from './signature-tags';

export type SignatureResult = 'pass' | 'fail' | 'neutral' | 'temperror' | 'permerror';

export interface SignatureCheck {
  result: SignatureResult;
  reason: string;
  bodyChecked: boolean;
  headerVerified: boolean | null;
  keyBits: number | null;
  testing: boolean;
  warnings: string[];
}

export interface SignatureToCheck {
  field: HeaderField;
  tags: SignatureTags;
  /** Syntax errors from readSignatureTags. */
  errors: string[];
}

const EMPTY = { bodyChecked: false, headerVerified: null, keyBits: null, testing: false, warnings: [] };

/** What can be decided before the key is fetched: syntax, algorithm, expiry. `null` when a key is needed. */
export function checkBeforeKey({ tags, errors }: SignatureToCheck, now: number): SignatureCheck | null {
  if (errors.length > 0) return { ...EMPTY, result: 'permerror', reason: `the signature cannot be read: ${fragment(errors[0]!)}` };
  const algorithm = tags.algorithm?.toLowerCase();
  // RFC 8301 §3.1: rsa-sha1 signatures MUST NOT be considered valid.
  if (algorithm === 'rsa-sha1') return { ...EMPTY, result: 'permerror', reason: 'rsa-sha1 is not accepted since RFC 8301' };
  if (algorithm !== 'rsa-sha256' && algorithm !== 'ed25519-sha256')
    return { ...EMPTY, result: 'permerror', reason: `a=${tags.algorithm ?? ''} is not an algorithm verifiers accept (rsa-sha256 or ed25519-sha256)` };
  // RFC 6376 §6.1.1: a signature whose x= has passed is PERMFAIL (signature expired).
  if (tags.expiresAt !== null && tags.expiresAt * 1000 < now)
    return { ...EMPTY, result: 'permerror', reason: `the signature expired on ${isoTime(tags.expiresAt) ?? `x=${tags.expiresAt}`}` };
  return null;
}

/** Check the signature with the key found. `lookup` is undefined only if the caller asked nothing. */
export async function checkWithKey(
  signature: SignatureToCheck,
  message: ParsedMessage,
  lookup: KeyLookup | undefined,
  bodies: BodyHashes,
): Promise<SignatureCheck> {
  if (!lookup) return { ...EMPTY, result: 'temperror', reason: 'the key was not looked up' };
  if (lookup.kind !== 'keys') return { ...EMPTY, result: lookup.kind, reason: lookup.reason };
  let first: SignatureCheck | undefined;
  // RFC 6376 §6.1.2: with several key records a verifier may try each; one that verifies wins.
  for (const key of lookup.keys) {
    const check = await checkOneKey(signature, message, lookup.name, key, bodies);
    check.warnings.unshift(...lookup.warnings);
    if (check.result === 'pass' || check.result === 'neutral') return check;
    first ??= check;
  }
  return first!;
}

async function checkOneKey({ field, tags }: SignatureToCheck, message: ParsedMessage, name: string, key: DkimKey, bodies: BodyHashes): Promise<SignatureCheck> {
  const algorithm = tags.algorithm!.toLowerCase() as VerifyAlgorithm;
  const domain = tags.domain!;
  const identityDomain = tags.identity === null ? null : tags.identity.slice(tags.identity.lastIndexOf('@') + 1).toLowerCase();
  const keyBits = key.bits ?? null;
  const warnings: string[] = [];
  // RFC 6376 §3.6.1 t=y: the domain is testing; verifiers may treat the message as unsigned.
  if (key.testing) warnings.push(`The key at ${name} is published with t=y (testing): receivers may treat the message as unsigned.`);
  const base = { keyBits, testing: key.testing, warnings, bodyChecked: false, headerVerified: null };
  const problem = keyProblem(key, name, algorithm, identityDomain, domain);
  const publicKey = problem ? undefined : publicKeyBytes(key);
  if (problem || !publicKey) return { ...base, result: 'permerror', reason: problem ?? `the key at ${name} is not valid base64` };

  const data = headerHashInput(message.headers, tags.signedHeaders, field, tags.headerCanon);
  const outcome = await verifySignature(algorithm, publicKey, decodeBase64(tags.signature)!, bytesOf(data));
  if (outcome.kind === 'unsupported') return { ...base, result: 'temperror', reason: outcome.reason };
  if (outcome.kind === 'bad-key') return { ...base, result: 'permerror', reason: `the key at ${name} cannot be used: ${fragment(outcome.reason)}` };
  const headerVerified = outcome.kind === 'valid';
  const body = await compareBody(message, tags, bodies, domain);
  const checked = { ...base, headerVerified, bodyChecked: body.checked };
  // RFC 6376 §6.1.3 compares the body hash first: a body mismatch is the reason even when the
  // header signature fails too (both are reported: headerVerified says which verified).
  if (body.mismatch) return { ...checked, result: 'fail', reason: body.mismatch };
  if (!headerVerified)
    return { ...checked, result: 'fail', reason: `a signed header was changed after signing, or the signature is not ${domain}'s (header signature mismatch)` };
  if (!body.checked) return { ...checked, result: 'neutral', reason: `the header signature verifies, but ${body.why}, so its hash was not checked` };
  return { ...checked, result: 'pass', reason: `the signature by ${domain} verifies: header and body are as signed` };
}

/** The body hash compared, when the body is there to hash (never for a header block alone or a cut body). */
async function compareBody(
  message: ParsedMessage,
  tags: SignatureTags,
  bodies: BodyHashes,
  domain: string,
): Promise<{ checked: false; why: string; mismatch?: undefined } | { checked: true; mismatch: string | null }> {
  if (message.body === null) return { checked: false, why: 'the body was not given' };
  if (message.bodyTruncated) return { checked: false, why: 'the body was cut at the size limit' };
  const hash = await bodies.hash(tags.bodyCanon, tags.bodyLength);
  if (hash === undefined)
    return {
      checked: true,
      mismatch: `the body is shorter than the ${tags.bodyLength} bytes ${domain} signed (l=): it was cut after signing (body hash mismatch)`,
    };
  if (!sameBytes(hash, decodeBase64(tags.bodyHash ?? '')))
    return { checked: true, mismatch: `the body was changed after ${domain} signed it (body hash mismatch)` };
  return { checked: true, mismatch: null };
}

function sameBytes(a: Uint8Array, b: Uint8Array | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/** Seconds since 1970 as ISO 8601, or null when out of Date's range. */
export function isoTime(seconds: number | null): string | null {
  if (seconds === null) return null;
  const date = new Date(seconds * 1000);
  return Number.isFinite(date.getTime()) ? date.toISOString() : null;
}
