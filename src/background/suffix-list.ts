/**
 * The public suffix list, read from the extension's own psl-trie.json when the worker starts
 * instead of evaluated as 43 KB gz of JS before its first statement (issue 12, section 5; the
 * build side is scripts/worker-suffix-list.mjs). The read starts with the worker and takes a
 * few milliseconds, so it is done before the first message is: the typed name's questions do
 * not wait for it in practice, and never meet an empty list, because every entry point that
 * parses a name runs after `suffixListReady()`.
 */
import { extensionApi } from '../platform/extension-api';
import { installSuffixList, suffixListFailed } from './psl/tldts-from-file';

export const SUFFIX_LIST_FILE = 'psl-trie.json';

let ready: Promise<void> | undefined;
let loaded = false;

/** Starts reading the list (once per worker); settles when it is in, or could not be read. */
export function suffixListReady(): Promise<void> {
  ready ??= readSuffixList().finally(() => {
    loaded = true;
  });
  return ready;
}

async function readSuffixList(): Promise<void> {
  try {
    const response = await fetch(extensionApi.runtime.getURL(SUFFIX_LIST_FILE));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    installSuffixList(await response.json());
  } catch (error) {
    // A broken package. Names then fail with this reason instead of a wrong registrable domain.
    suffixListFailed(`${SUFFIX_LIST_FILE}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * An event listener that runs once the list is in: at once when it is (the usual case, so an
 * event that needs a synchronous answer keeps it), otherwise after the read, in arrival order.
 */
export function afterSuffixList<A extends unknown[]>(listener: (...args: A) => void): (...args: A) => void {
  return (...args) => void withSuffixList(() => listener(...args));
}

/** `compute()` once the list is in: its value at once when it is, else a promise of it. */
export function withSuffixList<T>(compute: () => T): T | Promise<T> {
  return loaded ? compute() : suffixListReady().then(compute);
}
