/**
 * The slot tldts's trie walk (tldts/src/suffix-trie.ts) reads its arrays from, in the worker
 * bundle only: the build resolves that file's `./data/trie` here instead of to the 43 KB gz of
 * arrays it would evaluate at every worker start (scripts/worker-suffix-list.mjs). The slot is
 * filled from psl-trie.json before suffix-trie.ts is first evaluated; ES module bindings are
 * live, so the walk sees the filled arrays.
 */

/** psl-trie.json: the arrays of tldts's src/data/trie.ts, as JSON. */
export interface SuffixTrieData {
  nodeFlags: number[];
  edgeStart: number[];
  edgeLength: number[];
  edgeChild: number[];
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

export let nodeFlags = new Uint8Array(0);
export let edgeStart = new Uint16Array(0);
export let edgeLength = new Uint8Array(0);
export let edgeChild = new Uint16Array(0);
export let labelText = '';
export let rulesRoot = 0;
export let exceptionsRoot = 0;

/** Fills the slot; throws on a file that is not the trie (a broken or truncated package). */
export function fillTrieSlot(data: unknown): void {
  if (!isTrieData(data)) throw new Error('psl-trie.json is not the public suffix trie');
  nodeFlags = Uint8Array.from(data.nodeFlags);
  edgeStart = Uint16Array.from(data.edgeStart);
  edgeLength = Uint8Array.from(data.edgeLength);
  edgeChild = Uint16Array.from(data.edgeChild);
  labelText = data.labelText;
  rulesRoot = data.rulesRoot;
  exceptionsRoot = data.exceptionsRoot;
}

function isTrieData(data: unknown): data is SuffixTrieData {
  if (typeof data !== 'object' || data === null) return false;
  const trie = data as Record<string, unknown>;
  const arrays = ['nodeFlags', 'edgeStart', 'edgeLength', 'edgeChild'].every((key) => Array.isArray(trie[key]) && (trie[key] as unknown[]).length > 0);
  const nodes = (trie['nodeFlags'] as unknown[] | undefined)?.length ?? 0;
  const roots = [trie['rulesRoot'], trie['exceptionsRoot']].every((root) => Number.isInteger(root) && (root as number) >= 0 && (root as number) < nodes);
  return arrays && roots && typeof trie['labelText'] === 'string' && trie['labelText'].length > 0;
}
