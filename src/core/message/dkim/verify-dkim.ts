/**
 * verifyDkimSignatures(): every DKIM-Signature of a message (RFC 6376 with RFC 8301 and RFC 8463),
 * top first, each with an RFC 8601 result and its reason in words. The keys are asked for all at
 * once, one TXT question per distinct selector name, so the answer comes within one round trip.
 */
import type { DnsAsk } from '../../mail/dns-ask';
import type { DkimVerification, ParsedMessage } from '../types';
import { BodyHashes } from './body-hashes';
import { checkBeforeKey, checkWithKey, isoTime, type SignatureCheck, type SignatureToCheck } from './check-signature';
import { overSigningWarning } from './header-hash-input';
import { keyName, lookupKeys } from './key-lookup';
import { readSignatureTags } from './signature-tags';

/** The bound: a message with more signatures than this is odd, and each costs a lookup. */
export const MAX_SIGNATURES = 10;

export interface VerifyDkimOptions {
  /** Milliseconds clock, for x= expiry. */
  now: () => number;
  maxSignatures?: number;
}

export async function verifyDkimSignatures(message: ParsedMessage, ask: DnsAsk, options: VerifyDkimOptions): Promise<DkimVerification[]> {
  const max = options.maxSignatures ?? MAX_SIGNATURES;
  const now = options.now();
  const signatures: SignatureToCheck[] = message.headers
    .filter((field) => field.key === 'dkim-signature')
    .map((field) => ({ field, ...readSignatureTags(field.value, 'dkim') }));
  const verified = signatures.slice(0, max);
  const early = verified.map((signature) => checkBeforeKey(signature, now));
  const names = verified.filter((_, index) => early[index] === null).map(({ tags }) => keyName(tags.selector!, tags.domain!));
  const lookups = await lookupKeys(ask, names);
  const bodies = new BodyHashes(message.body ?? '');

  const results = await Promise.all(
    verified.map(async (signature, index) => {
      const check =
        early[index] ?? (await safely(() => checkWithKey(signature, message, lookups.get(keyName(signature.tags.selector!, signature.tags.domain!)), bodies)));
      return describe(signature, check, message);
    }),
  );
  for (const signature of signatures.slice(max)) {
    const check: SignatureCheck = {
      result: 'neutral',
      reason: `not verified: MXray checks at most ${max} signatures`,
      bodyChecked: false,
      headerVerified: null,
      keyBits: null,
      testing: false,
      warnings: [],
    };
    results.push(describe(signature, check, message));
  }
  return results;
}

/** The promise of "never throws": an unexpected exception becomes a permerror with a sentence. */
async function safely(run: () => Promise<SignatureCheck>): Promise<SignatureCheck> {
  try {
    return await run();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      result: 'permerror',
      reason: `the signature could not be checked (${why})`,
      bodyChecked: false,
      headerVerified: null,
      keyBits: null,
      testing: false,
      warnings: [],
    };
  }
}

function describe({ tags, errors }: SignatureToCheck, check: SignatureCheck, message: ParsedMessage): DkimVerification {
  const warnings = [...check.warnings];
  // RFC 6376 §8.2: with l=, anything appended after the signed length is unsigned but still shown.
  if (tags.bodyLength !== null) warnings.push('l= lets anyone append content after the signed part.');
  if (errors.length === 0) {
    const overSigning = overSigningWarning(message.headers, tags.signedHeaders);
    if (overSigning) warnings.push(overSigning);
  }
  return {
    domain: tags.domain,
    selector: tags.selector,
    algorithm: tags.algorithm,
    result: check.result,
    reason: check.reason,
    bodyChecked: check.bodyChecked,
    headerVerified: check.headerVerified,
    identity: tags.identity,
    signedHeaders: tags.signedHeaders,
    bodyLength: tags.bodyLength,
    canonicalization: `${tags.headerCanon}/${tags.bodyCanon}`,
    signedAt: isoTime(tags.signedAt),
    expiresAt: isoTime(tags.expiresAt),
    testing: check.testing,
    keyBits: check.keyBits,
    warnings,
  };
}
