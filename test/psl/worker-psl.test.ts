/**
 * The worker's public suffix list (issue 12, section 5): the list read from psl-trie.json
 * instead of evaluated at start. The parser is bundled the way the worker's is (esbuild with
 * scripts/worker-suffix-list.mjs's plugin), fed the file the build writes, and must then
 * pass the PSL's own test file (test_psl.txt, as test-psl.test.ts reads it for the pages and
 * the CLI) and agree with the plain tldts bundle on every rule of the list. Before the file
 * is in, or with a broken file, it refuses in words instead of answering from an empty list.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toASCII } from 'punycode/';
import { getDomain } from 'tldts';
import { beforeAll, describe, expect, it } from 'vitest';
import { suffixTrieJson, workerSuffixListPlugin } from '../../scripts/worker-suffix-list.mjs';
import type { SuffixTrieData } from '../../src/background/psl/trie-slot';

const root = join(import.meta.dirname, '../..');
const file = readFileSync(new URL('./test_psl.txt', import.meta.url), 'utf8');
const cases = [...file.matchAll(/^checkPublicSuffix\((null|'[^']*'), (null|'[^']*')\);$/gm)].map(([, input, expected]) => ({
  input: input === 'null' ? null : input!.slice(1, -1),
  expected: expected === 'null' ? null : expected!.slice(1, -1),
}));

interface WorkerParser {
  tryParseQuery(input: string): { ok: true; query: { registrable?: string } } | { ok: false };
  findRegistrableDomain(name: string): string | undefined;
  installSuffixList(data: unknown): void;
}

/** A fresh copy of the worker's parser (module state and all), bundled as the worker's is. */
async function workerParser(): Promise<WorkerParser> {
  const entry = `
    export { tryParseQuery } from './src/core/query/parse-query';
    export { findRegistrableDomain } from './src/core/query/registrable-domain';
    export { installSuffixList } from './src/background/psl/tldts-from-file';`;
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
    plugins: [workerSuffixListPlugin(root)],
  });
  const code = result.outputFiles[0]!.text;
  expect(code).not.toContain('tldts/src/data/trie'); // the arrays are not in the bundle
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}#${Math.random()}`)) as WorkerParser;
}

/** Every name the trie holds a rule for (exceptions too), `*` read as a label `x`. */
function suffixesOf(data: SuffixTrieData): string[] {
  const offsets: number[] = [];
  for (let edge = 0, offset = 0; edge < data.edgeLength.length; edge++) {
    offsets.push(offset);
    offset += data.edgeLength[edge]!;
  }
  const names: string[] = [];
  const walk = (node: number, suffix: string) => {
    for (let edge = data.edgeStart[node]!; edge < data.edgeStart[node + 1]!; edge++) {
      const label = data.labelText.slice(offsets[edge], offsets[edge]! + data.edgeLength[edge]!).replace('*', 'x');
      const name = suffix ? `${label}.${suffix}` : label;
      names.push(name);
      walk(data.edgeChild[edge]!, name);
    }
  };
  walk(data.rulesRoot, '');
  walk(data.exceptionsRoot, '');
  return names;
}

let trie: unknown;
let parser: WorkerParser;
beforeAll(async () => {
  trie = JSON.parse(await suffixTrieJson());
  parser = await workerParser();
  parser.installSuffixList(trie);
});

describe("the worker's suffix list, read from psl-trie.json", () => {
  it('passes every case of test_psl.txt', () => {
    expect(cases).toHaveLength(78);
    for (const { input, expected } of cases) {
      const parsed = input === null ? undefined : parser.tryParseQuery(input);
      const registrable = parsed?.ok ? (parsed.query.registrable ?? null) : null;
      expect(registrable, String(input)).toBe(expected === null ? null : toASCII(expected.toLowerCase()));
    }
  });

  it('agrees with the plain tldts bundle on names under every rule of the list', () => {
    const rules = suffixesOf(trie as SuffixTrieData);
    expect(rules.length).toBeGreaterThan(9000);
    const options = { allowPrivateDomains: true, extractHostname: false, validateHostname: false, detectIp: false, mixedInputs: false } as const;
    for (const rule of rules) {
      for (const name of [rule, `b.${rule}`, `a.b.${rule}`]) expect(parser.findRegistrableDomain(name), name).toBe(getDomain(name, options) ?? undefined);
    }
  });
});

describe('before the file is read, or with a broken file', () => {
  it('refuses in words rather than answering from an empty list', async () => {
    const early = await workerParser();
    expect(() => early.tryParseQuery('www.example.co.uk')).toThrow('The public suffix list is not loaded yet.');
  });

  it('names the broken file, and keeps refusing', async () => {
    const broken = await workerParser();
    expect(() => broken.installSuffixList({ nodeFlags: [] })).toThrow('psl-trie.json is not the public suffix trie');
    expect(() => broken.findRegistrableDomain('example.com')).toThrow(
      'The public suffix list could not be read (psl-trie.json is not the public suffix trie).',
    );
  });
});
