/**
 * verifyArc(): the ARC chain of a message (RFC 8617 §5.2): its sets listed with their cv= and
 * sealer, every ARC-Seal and ARC-Message-Signature verified with DKIM's crypto, and the chain
 * result (none, pass, fail) with its reason in words. Keys are asked for all at once. Each set's
 * `claims` is left null: the caller reads them from its ARC-Authentication-Results.
 */
import type { DnsAsk } from '../../mail/dns-ask';
import { BodyHashes } from '../dkim/body-hashes';
import { checkBeforeKey, checkWithKey, type SignatureCheck } from '../dkim/check-signature';
import { keyName, lookupKeys } from '../dkim/key-lookup';
import type { ArcSet, ArcVerification, ParsedMessage } from '../types';
import { MAX_ARC_SETS, readArcSets, type ArcHeaderSet, type ArcSignatureField } from './arc-sets';
import { checkSeal } from './check-seal';

export interface VerifyArcOptions {
  now: () => number;
  maxSets?: number;
}

export async function verifyArc(message: ParsedMessage, ask: DnsAsk, options: VerifyArcOptions): Promise<ArcVerification> {
  try {
    return await verifyChain(message, ask, options);
  } catch (error) {
    // Never throws: an unexpected exception is a chain MXray could not verify.
    const why = error instanceof Error ? error.message : String(error);
    return { chain: 'fail', sets: [], reason: `The ARC chain could not be checked (${why}).` };
  }
}

async function verifyChain(message: ParsedMessage, ask: DnsAsk, options: VerifyArcOptions): Promise<ArcVerification> {
  const { sets, problems } = readArcSets(message.headers, options.maxSets ?? MAX_ARC_SETS);
  // RFC 8617 §5.2 step 1: no ARC sets, chain "none".
  if (sets.length === 0 && problems.length === 0) return { chain: 'none', sets: [], reason: 'The message has no ARC sets.' };
  const unchecked = (reason: string): ArcVerification => ({ chain: 'fail', sets: sets.map((set) => listed(set, reason)), reason });
  if (problems.length > 0) return unchecked(`The ARC chain is broken: ${problems[0]}`);
  // RFC 8617 §5.2 step 2-3: cv=fail anywhere means a sealer already saw a broken chain; the first
  // set says none and every later one pass (§5.1.1).
  const failed = sets.find((set) => set.seal!.tags.chainValidation === 'fail');
  if (failed) return unchecked(`${sealer(failed)} (instance ${failed.instance}) recorded cv=fail: the chain was already broken when it reached them.`);
  const wrongCv = sets.find((set, index) => set.seal!.tags.chainValidation !== (index === 0 ? 'none' : 'pass'));
  if (wrongCv)
    return unchecked(
      `Instance ${wrongCv.instance} has cv=${wrongCv.seal!.tags.chainValidation ?? '(none given)'}, but RFC 8617 §5.1.1 wants ${wrongCv.instance === 1 ? 'none' : 'pass'} there.`,
    );

  const now = options.now();
  const earlySeals = sets.map((set) => checkBeforeKey(set.seal!, now));
  const earlySignatures = sets.map((set) => checkBeforeKey(set.signature!, now));
  const names = sets.flatMap((set, index) => [...(earlySeals[index] ? [] : [keyOf(set.seal!)]), ...(earlySignatures[index] ? [] : [keyOf(set.signature!)])]);
  const lookups = await lookupKeys(ask, names);
  const bodies = new BodyHashes(message.body ?? '');
  const checked = await Promise.all(
    sets.map(async (set, index) => {
      const seal = earlySeals[index] ?? (await checkSeal(sets, index, lookups.get(keyOf(set.seal!)), now));
      const signature = earlySignatures[index] ?? (await checkWithKey(set.signature!, message, lookups.get(keyOf(set.signature!)), bodies));
      return { set, seal, signature };
    }),
  );
  const newest = checked.at(-1)!;
  const arcSets = checked.map(({ set, seal, signature }) => verified(set, seal, signature, set === newest.set));
  return { ...chainResult(checked, newest), sets: arcSets };
}

function chainResult(
  checked: { set: ArcHeaderSet; seal: SignatureCheck; signature: SignatureCheck }[],
  newest: { set: ArcHeaderSet; signature: SignatureCheck },
): Omit<ArcVerification, 'sets'> {
  // RFC 8617 §5.2 step 4: the newest ARC-Message-Signature must verify like a DKIM signature.
  const signature = newest.signature;
  if (signature.result !== 'pass' && signature.result !== 'neutral')
    return { chain: 'fail', reason: `The newest ARC-Message-Signature (instance ${newest.set.instance}) ${failed(signature)}: ${signature.reason}.` };
  // Step 5: every ARC-Seal, newest first, must verify.
  const broken = [...checked].reverse().find(({ seal }) => seal.result !== 'pass');
  if (broken) return { chain: 'fail', reason: `The ARC-Seal of instance ${broken.set.instance} ${failed(broken.seal)}: ${broken.seal.reason}.` };
  const by = checked.map(({ set }) => sealer(set)).join(', then ');
  // Headers alone: the seals and the newest signature's header verify; its body hash cannot be checked.
  if (signature.result === 'neutral')
    return { chain: 'pass', reason: `Every seal verifies (${by}); the body was not given, so the newest ARC-Message-Signature's body hash was not checked.` };
  return { chain: 'pass', reason: `Every seal and the newest ARC-Message-Signature verify: sealed by ${by}.` };
}

/**
 * ArcVerification.chain has no temperror, and RFC 8617 §5.2 knows only none/pass/fail: a chain
 * that could not be checked is not a pass. The words keep "could not be checked" apart from
 * "does not verify"; the set's result says temperror.
 */
function failed(check: SignatureCheck): string {
  return check.result === 'temperror' ? 'could not be checked now' : 'does not verify';
}

function verified(set: ArcHeaderSet, seal: SignatureCheck, signature: SignatureCheck, isNewest: boolean): ArcSet {
  // Older message signatures often fail for good reason: a later intermediary changed the message.
  const later = !isNewest && signature.result === 'fail' ? ' (expected if a later intermediary changed the message)' : '';
  return {
    ...listed(set, `seal: ${seal.reason}; message signature: ${signature.reason}${later}`),
    sealResult: seal.result,
    signatureResult: signature.result,
  };
}

/** A set as listed without verifying it (the chain failed before the crypto). */
function listed(set: ArcHeaderSet, reason: string): ArcSet {
  return {
    instance: set.instance,
    cv: set.seal?.tags.chainValidation ?? null,
    sealDomain: set.seal?.tags.domain ?? null,
    sealResult: 'neutral',
    signatureResult: 'neutral',
    reason,
    claims: null,
  };
}

function keyOf({ tags }: ArcSignatureField): string {
  return keyName(tags.selector!, tags.domain!);
}

function sealer(set: ArcHeaderSet): string {
  return set.seal?.tags.domain ?? 'an unnamed sealer';
}
