/**
 * registrable-domain.ts's answers where the public suffix list is not loaded: in the popup's
 * bundle (scripts/build.mjs puts this file in its place there, issue 24). The popup parses a
 * name only to ask its first questions itself while the worker wakes; the list is 118 KB and
 * the worker's parse, which has it, names the registrable domain and judges single labels, and
 * its report takes over. So here: no registrable domain (the popup's second lookup waits for the
 * worker's report, as it always did), and a single label is refused unless it is a special-use
 * name, so the popup never asks about a bare top-level domain on its own.
 */
import { SPECIAL_USE_TLDS } from './special-use-tlds';

export function findRegistrableDomain(_name: string): string | undefined {
  return undefined;
}

export function isTopLevelDomain(_label: string): boolean {
  return false;
}

export function isKnownOrSpecialUseTld(label: string): boolean {
  return SPECIAL_USE_TLDS.has(label);
}
