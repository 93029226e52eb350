/** The words of the DKIM section, shared by the popup and the CLI. */
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
  const found = section.selectors.filter((result) => result.keys.length > 0).length;
  const failed = section.selectors.filter((result) => FAILED.has(result.status)).length;
  const waiting = section.selectors.filter((result) => result.status === 'pending').length;
  const base = `${found} of ${total} selector${total === 1 ? '' : 's'} tried ${found === 1 ? 'has a key' : 'have keys'}`;
  return `${base}${failed > 0 ? `, ${failed} could not be looked up` : ''}${waiting > 0 ? `, ${waiting} still checking…` : '.'}`;
}
