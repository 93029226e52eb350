// Types for scripts/worker-suffix-list.mjs (used by the build and by test/psl/worker-psl.test.ts).
import type { Plugin } from 'esbuild';

export function suffixTrieJson(): Promise<string>;
export function workerSuffixListPlugin(root: string): Plugin;
