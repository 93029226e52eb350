/**
 * `tldts` in the worker bundle (scripts/worker-suffix-list.mjs resolves the import here): the
 * same `parse` and `getDomain`, built from tldts's own parts (tldts-core's parser, tldts's trie
 * walk), but the trie is read from psl-trie.json when first needed instead of evaluated at
 * every worker start.
 *
 * The worker reads the file at start (`suffixListReady` in src/background/suffix-list.ts) and
 * handles no message before the read settles, so a lookup never meets an empty list. Called before that, or if
 * the file could not be read, these functions throw rather than answer from an empty trie
 * (which would call every name's last label its public suffix, silently wrong).
 */
import { getEmptyResult, parseImpl, resetResult, type FLAG, type IOptions, type IPublicSuffix, type IResult, type ISuffixLookupOptions } from 'tldts-core';
import { fillTrieSlot } from './trie-slot';

/** tldts/src/suffix-trie.ts's default export. */
type SuffixLookup = (hostname: string, options: ISuffixLookupOptions, out: IPublicSuffix) => boolean;

let suffixLookup: SuffixLookup | undefined;
let failure: string | undefined;
const RESULT: IResult = getEmptyResult();

// tldts-core's `const enum FLAG` is inlined by its own build, so its bundle exports no value:
// the two steps used here, by number (HOSTNAME 0 … DOMAIN 3, SUB_DOMAIN 4, ALL 5).
const STEP_DOMAIN = 3 as FLAG;
const STEP_ALL = 5 as FLAG;

/** Fills the trie from the file's parsed JSON, then evaluates tldts's trie walk over it. */
export function installSuffixList(data: unknown): void {
  try {
    fillTrieSlot(data);
    // A `require`, not an import: esbuild then evaluates suffix-trie.ts (which derives its
    // hash tables from the arrays at module scope) here, after the slot is filled, not at start.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    suffixLookup = (require('tldts/src/suffix-trie') as { default: SuffixLookup }).default;
    failure = undefined;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    throw error;
  }
}

/** Records why the file could not be read, for the sentence the worker shows. */
export function suffixListFailed(reason: string): void {
  failure = reason;
}

function lookup(): SuffixLookup {
  if (suffixLookup) return suffixLookup;
  throw new Error(failure ? `The public suffix list could not be read (${failure}).` : 'The public suffix list is not loaded yet.');
}

export function parse(url: string, options?: Partial<IOptions>): IResult {
  return parseImpl(url, STEP_ALL, lookup(), options, getEmptyResult());
}

export function getDomain(url: string, options?: Partial<IOptions>): string | null {
  const suffixes = lookup();
  resetResult(RESULT);
  return parseImpl(url, STEP_DOMAIN, suffixes, options, RESULT).domain;
}
