// Builds everything with esbuild:
//   dist/chromium/   the unpacked extension for Chrome/Chromium (load it from chrome://extensions)
//   dist/firefox/    the same for Firefox (about:debugging -> Load Temporary Add-on)
//   dist/cli/mxray.mjs  the command-line tool (run through bin/mxray.js)
//   dist/meta/*.json   esbuild metafiles, for bundle-size figures (npm run bench)
// Output is deterministic: same sources, same bytes (no timestamps, no absolute paths).
import { build, transform } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suffixTrieJson, workerSuffixListPlugin } from './worker-suffix-list.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const define = { MXRAY_VERSION: JSON.stringify(pkg.version) };
const targets = ['chromium', 'firefox'];

rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist/meta'), { recursive: true });

/**
 * The extension's entry points: the service worker and each page/script it loads.
 * The content script is injected with scripting.executeScript (a classic script): IIFE.
 * The popup is split so code it needs only on demand (the copy formatters) loads on demand:
 * what counts is the JS parsed when the popup opens.
 */
/**
 * Preact can set `innerHTML` (for `dangerouslySetInnerHTML`, which MXray never uses). We make
 * that path set `textContent` instead, so even a future mistake renders DNS data as text; it
 * also keeps `web-ext lint` free of UNSAFE_VAR_ASSIGNMENT warnings. The build fails if Preact's
 * code no longer has exactly the one assignment we expect, so the patch cannot silently lapse.
 */
const preactWithoutInnerHtml = {
  name: 'preact-without-innerhtml',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const assignment = /(\w+)\.innerHTML=(\w+)\.__html/g;
      const count = source.match(assignment)?.length ?? 0;
      if (count !== 1) throw new Error(`expected one innerHTML assignment in ${args.path}, found ${count}: update preactWithoutInnerHtml`);
      return { contents: source.replace(assignment, '$1.textContent=$2.__html'), loader: 'js' };
    });
  },
};

/**
 * The popup parses a name only to ask its first questions itself while the worker wakes (issue
 * 24, src/platform/first-questions.ts); the public suffix list (118 KB) stays out of its bundle:
 * src/core/query's one door to the list is replaced by a file that knows no suffixes, and the
 * worker's report names the registrable domain as before.
 */
const popupWithoutSuffixList = {
  name: 'popup-without-suffix-list',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/registrable-domain$/ }, (args) =>
      args.importer.includes(join('src', 'core', 'query')) ? { path: join(root, 'src/core/query/registrable-domain-unknown.ts') } : undefined,
    );
  },
};

// The worker reads the public suffix list from a file on first need (scripts/worker-suffix-list.mjs).
const extensionEntries = [
  { in: 'src/background/service-worker.ts', out: 'background', format: 'esm', plugins: [workerSuffixListPlugin(root)] },
  { in: 'src/popup/popup.tsx', out: 'popup', format: 'esm', split: true, plugins: [popupWithoutSuffixList] },
  // The popup's first script, classic so it runs as the document is parsed (src/popup/early-lookup.ts).
  { in: 'src/popup/popup-early.ts', out: 'popup-early', format: 'iife' },
  { in: 'src/content/panel.tsx', out: 'content', format: 'iife' },
  { in: 'src/options/options.tsx', out: 'options', format: 'esm' },
  { in: 'src/bulk-page/bulk.tsx', out: 'bulk', format: 'esm' },
  { in: 'src/message-page/message.tsx', out: 'message', format: 'esm' },
];

/** CSS is imported as text (put in <style> elements; the panel's lives in a shadow root), minified first. */
const minifiedCssAsText = {
  name: 'minified-css-as-text',
  setup(builder) {
    builder.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code, loader: 'text' };
    });
  },
};
const pages = ['src/popup/popup.html', 'src/options/options.html', 'src/bulk-page/bulk.html', 'src/message-page/message.html'];

async function bundle(options, metaName) {
  const result = await build({
    bundle: true,
    minify: true,
    legalComments: 'none',
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root,
    define,
    ...options,
  });
  writeFileSync(join(root, 'dist/meta', `${metaName}.json`), JSON.stringify(result.metafile));
}

const suffixTrie = await suffixTrieJson();
for (const target of targets) {
  const out = join(root, 'dist', target);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'psl-trie.json'), suffixTrie);
  for (const entry of extensionEntries) {
    const output = entry.split
      ? { entryPoints: { [entry.out]: entry.in }, outdir: out, splitting: true, entryNames: '[name]', chunkNames: 'chunks/[name]-[hash]' }
      : { entryPoints: [entry.in], outfile: join(out, `${entry.out}.js`) };
    await bundle(
      {
        ...output,
        format: entry.format,
        platform: 'browser',
        target: ['chrome120', 'firefox128'],
        jsx: 'automatic',
        jsxImportSource: 'preact',
        loader: { '.svg': 'text' },
        plugins: [minifiedCssAsText, preactWithoutInnerHtml, ...(entry.plugins ?? [])],
      },
      `${target}-${entry.out}`,
    );
  }
  for (const page of pages) cpSync(join(root, page), join(out, page.split('/').pop()));
  cpSync(join(root, 'icons'), join(out, 'icons'), { recursive: true, filter: (path) => !path.endsWith('.svg') });
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(target), null, 2));
}

await bundle(
  {
    entryPoints: ['src/cli/mxray.ts'],
    outfile: join(root, 'dist/cli/mxray.mjs'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: false,
  },
  'cli',
);

/**
 * One manifest.json in the repo; each browser gets the keys it understands. Chrome runs the
 * background as a service worker; Firefox (no extension service workers) as a module script
 * page, and wants its add-on id, minimum version and data-collection declaration.
 */
function manifestFor(target) {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  manifest.version = pkg.version;
  if (target === 'chromium') {
    delete manifest.browser_specific_settings;
    delete manifest.background.scripts;
  } else {
    delete manifest.minimum_chrome_version;
    delete manifest.background.service_worker;
  }
  return manifest;
}

console.log(`built dist/${targets.join(', dist/')} and dist/cli/mxray.mjs (v${pkg.version})`);
