/**
 * The service worker as the browser runs it: src/background/service-worker.ts bundled by esbuild
 * the way scripts/build.mjs bundles it (the worker's suffix-list plugin, the version define),
 * with src/platform/extension-api.ts reading the soak's fake browser instead of
 * webextension-polyfill. Each worker start evaluates the bundle afresh, so a stopped worker's
 * module state (the running checks, the answer cache, the open database) is gone, as after MV3
 * stops it; IndexedDB, storage and alarms are outside the bundle and stay.
 *
 * The bundle runs as a function of its edges: each run gets its own extension API, `fetch`,
 * `indexedDB` and timers (given as the globals of those names, and on `globalThis`), so the soak
 * can leave a stopped run's calls unanswered while a new run goes on.
 *
 * Its psl-trie.json is the one the build writes, served by the soak's fetch.
 */
import { build, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { suffixTrieJson, workerSuffixListPlugin } from '../../scripts/worker-suffix-list.mjs';

const root = join(import.meta.dirname, '../..');
const EXTENSION_API = join(root, 'src/platform/extension-api.ts');
export const FAKE_API_GLOBAL = '__soakExtensionApi';

/** src/platform/extension-api.ts, with the fake browser in place of webextension-polyfill. */
const fakeExtensionApi: Plugin = {
  name: 'soak-extension-api',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/]platform[\\/]extension-api\.ts$/ }, (args) =>
      args.path === EXTENSION_API ? { contents: `export const extensionApi = globalThis.${FAKE_API_GLOBAL};`, loader: 'js' } : undefined,
    );
  },
};

export interface WorkerEdges {
  extensionApi: unknown;
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  indexedDB: IDBFactory;
  setTimeout: unknown;
  clearTimeout: unknown;
  setInterval: unknown;
  clearInterval: unknown;
}

const EDGES = ['fetch', 'indexedDB', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] as const;

export interface WorkerBundle {
  /** Runs the worker's top level once more, on these edges: a fresh worker. */
  evaluate(edges: WorkerEdges): void;
  suffixTrie: string;
  bytes: number;
}

export async function bundleWorker(): Promise<WorkerBundle> {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const result = await build({
    entryPoints: [join(root, 'src/background/service-worker.ts')],
    bundle: true,
    // The extension's worker is an ES module with no imports or exports; a script runs it the same way here.
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox128'],
    write: false,
    logLevel: 'warning',
    absWorkingDir: root,
    define: { MXRAY_VERSION: JSON.stringify(version) },
    plugins: [fakeExtensionApi, workerSuffixListPlugin(root)],
  });
  const code = result.outputFiles[0]!.text;
  if (!code.includes(FAKE_API_GLOBAL)) throw new Error('the soak could not swap src/platform/extension-api.ts in the worker bundle');
  const script = new vm.Script(`(function (globalThis, ${EDGES.join(', ')}) {\n${code}\n})`, { filename: 'soak-background.js' });
  const start = script.runInThisContext() as (...args: unknown[]) => void;
  return {
    evaluate(edges) {
      const own: Record<string, unknown> = { ...edges, [FAKE_API_GLOBAL]: edges.extensionApi };
      const global = new Proxy(globalThis, { get: (target, key) => (typeof key === 'string' && key in own ? own[key] : Reflect.get(target, key)) });
      start(global, ...EDGES.map((name) => edges[name]));
    },
    suffixTrie: await suffixTrieJson(),
    bytes: code.length,
  };
}
