// Lists the import cycles among the source files (type imports counted, since they tie modules
// together for a reader just as much), and the largest source files. `node scripts/import-cycles.mjs`
// prints a summary; `--check` exits 1 when any cycle exists (run by `npm run lint`).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const srcDir = join(root, 'src');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const files = walk(srcDir);
const graph = new Map();
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const targets = new Set();
  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const target = resolveImport(file, statement.moduleSpecifier.text);
      if (target) targets.add(target);
    }
  }
  graph.set(file, [...targets]);
}

// Tarjan's strongly connected components.
let index = 0;
const indices = new Map();
const lowlinks = new Map();
const stack = [];
const onStack = new Set();
const components = [];
function connect(node) {
  indices.set(node, index);
  lowlinks.set(node, index);
  index++;
  stack.push(node);
  onStack.add(node);
  for (const next of graph.get(node) ?? []) {
    if (!indices.has(next)) {
      connect(next);
      lowlinks.set(node, Math.min(lowlinks.get(node), lowlinks.get(next)));
    } else if (onStack.has(next)) {
      lowlinks.set(node, Math.min(lowlinks.get(node), indices.get(next)));
    }
  }
  if (lowlinks.get(node) === indices.get(node)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
  }
}
for (const file of files) if (!indices.has(file)) connect(file);

const rel = (path) => relative(root, path);
const inCycles = components.reduce((sum, c) => sum + c.length, 0);
console.log(`${files.length} source files, ${components.length} import cycle(s), ${inCycles} file(s) in them`);
for (const component of components.sort((a, b) => b.length - a.length)) {
  console.log(`  cycle of ${component.length}: ${component.map(rel).sort().slice(0, 8).join(', ')}${component.length > 8 ? ', ...' : ''}`);
}
// The same between folders of src/core (lookup, mail, doh...): a folder's files may import another
// folder, or be imported by it, not both.
const folderOf = (file) => {
  const parts = relative(join(srcDir, 'core'), file).split('/');
  return parts[0].startsWith('..') || parts.length === 1 ? undefined : parts[0];
};
const folderEdges = new Set();
for (const [file, targets] of graph) {
  for (const target of targets) {
    const from = folderOf(file);
    const to = folderOf(target);
    if (from && to && from !== to) folderEdges.add(`${from} -> ${to}`);
  }
}
const folderCycles = [...folderEdges].filter((edge) => folderEdges.has(edge.split(' -> ').reverse().join(' -> '))).sort();
console.log(`src/core folders importing each other: ${folderCycles.length === 0 ? 'none' : folderCycles.join(', ')}`);

const sizes = files.map((file) => [rel(file), readFileSync(file, 'utf8').split('\n').length]).sort((a, b) => b[1] - a[1]);
console.log('largest source files:');
for (const [file, lines] of sizes.slice(0, 5)) console.log(`  ${lines} ${file}`);
if (process.argv.includes('--check') && (components.length > 0 || folderCycles.length > 0)) process.exit(1);
