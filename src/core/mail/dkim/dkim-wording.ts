/** The words of the DKIM section, shared by the popup and the CLI. */
import { dkimSearchOutcome, hasDkimWildcard, selectorsWithKeys } from './domainkey';
import type { DkimKey, DkimSection } from './types';

const FAILED = new Set(['servfail', 'refused', 'error']);

/** The key in a few words: `2048-bit RSA`, `Ed25519`, `revoked`, `unusable`. */
export function dkimKeyText(key: DkimKey): string {
  if (key.errors.length > 0) return 'unusable';
  if (key.revoked) return 'revoked (empty p=)';
  if (key.keyType === 'ed25519') return 'Ed25519';
  return `${key.bits}-bit RSA`;
}

/** Flags and limits worth knowing, as short phrases. */
export function dkimKeyNotes(key: DkimKey): string[] {
  const notes = [...key.errors];
  if (key.testing) notes.push('testing (t=y)');
  if (key.strict) notes.push('strict (t=s)');
  if (key.hashes) notes.push(`h=${key.hashes.join(':')}`);
  if (key.services) notes.push(`s=${key.services.join(':')}`);
  if (key.notes) notes.push(`n=${key.notes}`);
  return notes;
}

/** How the search went: `2 of 31 selectors have a key`, with failures and progress. */
export function dkimSummaryText(section: DkimSection): string {
  const total = section.selectors.length;
  const found = selectorsWithKeys(section).length;
  const failed = section.selectors.filter((result) => FAILED.has(result.status)).length;
  const waiting = section.selectors.filter((result) => result.status === 'pending').length;
  const base = `${found} of ${total} selector${total === 1 ? '' : 's'} tried ${found === 1 ? 'has a key' : 'have keys'}`;
  return `${base}${failed > 0 ? `, ${failed} could not be looked up` : ''}${waiting > 0 ? `, ${waiting} still checking…` : '.'}`;
}

/**
 * What `_domainkey` says beyond the selectors tried, in one sentence; `undefined` while asking,
 * or when keys were found and there is nothing more to say.
 */
export function dkimOutcomeText(section: DkimSection): string | undefined {
  const name = section.domainkey?.name ?? `_domainkey.${section.domain}`;
  switch (dkimSearchOutcome(section)) {
    case 'none-exist':
      return `No key under any selector: ${name} does not exist (NXDOMAIN), so nothing below it does.`;
    case 'other-selectors':
      return `Keys exist under selectors not tried: ${name} exists with no record of its own (NOERROR, no data).`;
    case 'wildcard':
      return `A wildcard answers every selector under ${name}, so this test cannot tell whether there are keys.`;
    case 'unknown':
      return `No key under the selectors tried; whether keys exist under others cannot be told from ${name}.`;
    case 'found':
      return hasDkimWildcard(section) ? `A wildcard answers every selector under ${name}; answers identical to it are left out.` : undefined;
    default:
      return undefined;
  }
}
