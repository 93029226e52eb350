/**
 * One ARC-Seal checked (RFC 8617 §5.1.1): its signature over the ARC header fields of every set
 * from 1 to its own instance, in order AAR, AMS, AS, canonicalised "relaxed" whatever c= says,
 * its own b= emptied and its own field last without a CRLF.
 */
import { decodeBase64 } from '../../mail/dkim/base64';
import { canonicalizeHeader } from '../dkim/canonicalize';
import { checkBeforeKey, type SignatureCheck } from '../dkim/check-signature';
import { verifySignature, type VerifyAlgorithm } from '../dkim/crypto';
import { withEmptySignature } from '../dkim/header-hash-input';
import { fragment, keyProblem, publicKeyBytes } from '../dkim/key-checks';
import type { KeyLookup } from '../dkim/key-lookup';
import { bytesOf } from '../parse/byte-string';
import type { ByteString } from '../types';
import type { ArcHeaderSet } from './arc-sets';

const CRLF = '\r\n';

/** The bytes the seal of `sets[index]` signs; `sets` is the whole chain, complete and in order. */
export function sealHashInput(sets: readonly ArcHeaderSet[], index: number): ByteString {
  const parts: string[] = [];
  for (let j = 0; j <= index; j++) {
    const set = sets[j]!;
    const seal = j === index ? withEmptySignature(set.seal!.field.raw) : set.seal!.field.raw;
    parts.push(canonicalizeHeader(set.results!.raw, 'relaxed'), canonicalizeHeader(set.signature!.field.raw, 'relaxed'), canonicalizeHeader(seal, 'relaxed'));
  }
  return parts.join(CRLF);
}

export async function checkSeal(sets: readonly ArcHeaderSet[], index: number, lookup: KeyLookup | undefined, now: number): Promise<SignatureCheck> {
  const seal = sets[index]!.seal!;
  const base = { bodyChecked: false, headerVerified: null, keyBits: null, testing: false, warnings: [] };
  const early = checkBeforeKey(seal, now);
  if (early) return early;
  if (!lookup) return { ...base, result: 'temperror', reason: 'the key was not looked up' };
  if (lookup.kind !== 'keys') return { ...base, result: lookup.kind, reason: lookup.reason };
  const algorithm = seal.tags.algorithm!.toLowerCase() as VerifyAlgorithm;
  const domain = seal.tags.domain!;
  const data = bytesOf(sealHashInput(sets, index));
  let first: SignatureCheck | undefined;
  // RFC 6376 §6.1.2 (which RFC 8617 §5.1.1 follows): several key records may each be tried.
  for (const key of lookup.keys) {
    const keyed = { ...base, keyBits: key.bits ?? null, testing: key.testing };
    const problem = keyProblem(key, lookup.name, algorithm, null, domain);
    const publicKey = problem ? undefined : publicKeyBytes(key);
    let check: SignatureCheck;
    if (problem || !publicKey) check = { ...keyed, result: 'permerror', reason: problem ?? `the key at ${lookup.name} is not valid base64` };
    else {
      const outcome = await verifySignature(algorithm, publicKey, decodeBase64(seal.tags.signature)!, data);
      if (outcome.kind === 'valid') return { ...keyed, headerVerified: true, result: 'pass', reason: `the seal by ${domain} verifies` };
      if (outcome.kind === 'unsupported') check = { ...keyed, result: 'temperror', reason: outcome.reason };
      else if (outcome.kind === 'bad-key')
        check = { ...keyed, result: 'permerror', reason: `the key at ${lookup.name} cannot be used: ${fragment(outcome.reason)}` };
      else
        check = {
          ...keyed,
          headerVerified: false,
          result: 'fail',
          reason: `an ARC header field was changed after ${domain} sealed it, or the seal is not ${domain}'s (seal signature mismatch)`,
        };
    }
    first ??= check;
  }
  return first!;
}
