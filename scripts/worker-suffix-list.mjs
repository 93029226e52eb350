// The public suffix list leaves the service worker's start path (issue 12, section 5).
//
// tldts ships the list as module-scope typed arrays (src/data/trie.ts, ~43 KB gz): evaluated
// at every worker start although the first question (the typed name's MX) does not need it.
// For the worker bundle only, this plugin:
//   - writes the same arrays as psl-trie.json beside the extension (read when first needed);
//   - resolves `tldts` to src/background/psl/tldts-from-file.ts, which keeps tldts's own
//     parser (tldts-core) and its own trie walk (tldts/src/suffix-trie.ts), only fed from the
//     file: the lookup code is tldts's, unchanged, so test_psl.txt holds as it does for tldts;
//   - resolves suffix-trie.ts's `./data/trie` to src/background/psl/trie-slot.ts, the arrays'
//     empty slot, filled from the file before suffix-trie.ts is first evaluated.
// Pages and the CLI keep the plain tldts bundle (their start is not on this path).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

const require = createRequire(import.meta.url);
const tldtsRoot = dirname(require.resolve('tldts/package.json'));

/** The trie's arrays as JSON: what tldts evaluates at start, as data read on first need. */
export async function suffixTrieJson() {
  const result = await build({
    entryPoints: [join(tldtsRoot, 'src/data/trie.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const trie = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
  const expected = ['edgeChild', 'edgeLength', 'edgeStart', 'exceptionsRoot', 'labelText', 'nodeFlags', 'rulesRoot'];
  const names = Object.keys(trie).sort();
  if (names.join() !== expected.join()) throw new Error(`tldts's trie exports ${names.join(', ')}: update src/background/psl/trie-slot.ts`);
  return JSON.stringify({
    nodeFlags: [...trie.nodeFlags],
    edgeStart: [...trie.edgeStart],
    edgeLength: [...trie.edgeLength],
    edgeChild: [...trie.edgeChild],
    labelText: trie.labelText,
    rulesRoot: trie.rulesRoot,
    exceptionsRoot: trie.exceptionsRoot,
  });
}

/** esbuild plugin for the worker bundle (see the top of this file). */
export function workerSuffixListPlugin(root) {
  const trieFromTldts = `${sep}tldts${sep}src${sep}suffix-trie.ts`;
  return {
    name: 'worker-suffix-list',
    setup(builder) {
      builder.onResolve({ filter: /^tldts$/ }, () => ({ path: join(root, 'src/background/psl/tldts-from-file.ts') }));
      builder.onResolve({ filter: /^\.\/data\/trie$/ }, (args) =>
        args.importer.endsWith(trieFromTldts) ? { path: join(root, 'src/background/psl/trie-slot.ts') } : undefined,
      );
    },
  };
}
