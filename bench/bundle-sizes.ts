// Section 3: what each shipped entry costs. The esbuild metafiles (dist/meta/*.json, written by
// `npm run build`) say which files each entry made, how they import each other, and how many
// minified bytes each input put into them; gzipped sizes are measured on the output files
// themselves (node:zlib, level 9, each file on its own as it is loaded).
// An entry's size "at load" is its file plus the chunks it imports statically; chunks behind a
// dynamic import() are counted apart, as "lazy". Contributors are grouped by npm package or src
// folder; their gzipped share is estimated pro rata (gzip is not additive per input), next to
// the exact minified bytes.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface MetaOutput {
  bytes: number;
  entryPoint?: string;
  imports?: { path: string; kind: string }[];
  inputs: Record<string, { bytesInOutput: number }>;
}

interface Metafile {
  outputs: Record<string, MetaOutput>;
}

export interface Contributor {
  group: string;
  bytes: number;
  share: number;
  approxGzipBytes: number;
}

export interface BundleRow {
  entry: string;
  /** The entry's own file, then the chunks it imports statically. */
  files: string[];
  bytes: number;
  gzipBytes: number;
  lazyFiles: string[];
  lazyGzipBytes: number;
  /** Each lazy file's gzipped size. */
  lazyGzip?: Record<string, number>;
  contributors: Contributor[];
}

/** `node_modules/@scope/pkg/x.js` -> `@scope/pkg`; `src/core/doh/x.ts` -> `src/core/doh`. */
export function groupOf(input: string): string {
  const path = input.replace(/^[a-z-]+:/, ''); // esbuild namespaces, e.g. `(disabled):`
  const nodeModules = path.lastIndexOf('node_modules/');
  if (nodeModules >= 0) {
    const parts = path.slice(nodeModules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const parts = path.split('/');
  if (parts[0] === 'src') return parts.slice(0, Math.min(parts.length - 1, parts[1] === 'core' ? 3 : 2)).join('/');
  return parts.length > 1 ? parts.slice(0, -1).join('/') : path;
}

const isScript = (path: string) => path.endsWith('.js') || path.endsWith('.mjs');

/** `from` and every file it imports with the given kinds, transitively. */
function closure(meta: Metafile, from: string[], kinds: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || !meta.outputs[path]) return;
    seen.add(path);
    for (const next of meta.outputs[path]!.imports ?? []) if (kinds.has(next.kind)) visit(next.path);
  };
  from.forEach(visit);
  return seen;
}

export async function measureBundles(root: string, topN = 6): Promise<BundleRow[]> {
  const metaDir = join(root, 'dist/meta');
  const rows: BundleRow[] = [];
  const gzipOf = new Map<string, number>();
  const gzip = async (path: string) => gzipOf.get(path) ?? gzipOf.set(path, gzipSync(await readFile(join(root, path)), { level: 9 }).byteLength).get(path)!;
  for (const file of (await readdir(metaDir)).filter((name) => name.endsWith('.json')).sort()) {
    const meta = JSON.parse(await readFile(join(metaDir, file), 'utf8')) as Metafile;
    const scripts = Object.keys(meta.outputs).filter(isScript);
    const imported = new Set(scripts.flatMap((path) => (meta.outputs[path]!.imports ?? []).map((i) => i.path)));
    for (const entryFile of scripts.filter((path) => !imported.has(path))) {
      const atLoad = [...closure(meta, [entryFile], new Set(['import-statement']))].filter(isScript);
      const lazyRoots = atLoad.flatMap((path) => (meta.outputs[path]!.imports ?? []).filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
      const lazy = [...closure(meta, lazyRoots, new Set(['import-statement', 'dynamic-import']))].filter((path) => isScript(path) && !atLoad.includes(path));
      let bytes = 0;
      let gzipBytes = 0;
      const groups = new Map<string, number>();
      for (const path of atLoad) {
        bytes += meta.outputs[path]!.bytes;
        gzipBytes += await gzip(path);
        for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[path]!.inputs)) {
          groups.set(groupOf(input), (groups.get(groupOf(input)) ?? 0) + bytesInOutput);
        }
      }
      let lazyGzipBytes = 0;
      const lazyGzip: Record<string, number> = {};
      for (const path of lazy) lazyGzipBytes += lazyGzip[path] = await gzip(path);
      const contributors = [...groups]
        .map(([group, groupBytes]) => ({ group, bytes: groupBytes, share: groupBytes / bytes, approxGzipBytes: Math.round((groupBytes / bytes) * gzipBytes) }))
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, topN);
      rows.push({ entry: file.replace(/\.json$/, ''), files: atLoad, bytes, gzipBytes, lazyFiles: lazy, lazyGzipBytes, lazyGzip, contributors });
    }
  }
  return rows;
}

/** The gzipped size of one group's inputs on their own (minified with esbuild, gzip level 9). */
export async function gzipOfInputs(root: string, entry: string, group: string): Promise<number> {
  const { transform } = await import('esbuild');
  const meta = JSON.parse(await readFile(join(root, 'dist/meta', `${entry}.json`), 'utf8')) as Metafile;
  const inputs = new Set(
    Object.values(meta.outputs)
      .flatMap((output) => Object.keys(output.inputs))
      .filter((input) => groupOf(input) === group),
  );
  let code = '';
  for (const input of inputs) {
    const source = await readFile(join(root, input), 'utf8');
    code += (await transform(source, { minify: true, loader: input.endsWith('.ts') ? 'ts' : 'js', legalComments: 'none' })).code;
  }
  return gzipSync(code, { level: 9 }).byteLength;
}
