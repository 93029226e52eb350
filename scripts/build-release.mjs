#!/usr/bin/env node
// Builds MXray as it was at a git ref (a release tag such as 0.1.0, or any commit) into
// `<out>/chromium`, `<out>/firefox` and `<out>/cli`, without touching this checkout's dist/:
//   node scripts/build-release.mjs 0.1.0 .cache/releases/0.1.0
// Used by the upgrade e2e (install the old release, fill it, install this build over it) and by
// the browser bench (the build before a change, measured in the same run as the one after).
//
// How: a detached `git worktree` at the ref, this checkout's node_modules linked into it (an old
// release builds with today's packages: its build only needs esbuild and its own dependencies,
// and a ref whose lockfile names a package we no longer have fails loudly here), then the ref's
// own `scripts/build.mjs`. The result is cached by commit: building the same commit twice is free.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Released versions by commit, for a clone that did not fetch the tags. */
export const RELEASES = { '0.1.0': 'a7b5b8bc5d6085a392e0ebcbe7169ea22e9cccb9' };

export function buildRelease(ref, out) {
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  let commit;
  try {
    commit = git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  } catch {
    if (!RELEASES[ref]) throw new Error(`${ref} is neither a commit nor a tag in this clone`);
    commit = git('rev-parse', '--verify', `${RELEASES[ref]}^{commit}`);
  }
  const stamp = join(out, 'commit.txt');
  const built = () => existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === commit;
  if (built()) return { commit, out, cached: true };
  // One build of a commit at a time: the upgrade e2e files of both browsers may ask at once, and
  // two builds would fight over one worktree. The other waits, then finds it built.
  const lock = join(root, '.cache', 'worktrees', `${commit.slice(0, 12)}.lock`);
  mkdirSync(dirname(lock), { recursive: true });
  for (const deadline = Date.now() + 300_000; ;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`${lock} is still held after 5 minutes: a build that died? Remove it and run again.`, { cause: error });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    if (built()) return { commit, out, cached: true };
    buildAt(commit, out, git);
    return { commit, out, cached: false };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function buildAt(commit, out, git) {
  const stamp = join(out, 'commit.txt');
  const tree = join(root, '.cache', 'worktrees', commit.slice(0, 12));
  if (existsSync(tree)) {
    try {
      git('worktree', 'remove', '--force', tree);
    } catch {
      rmSync(tree, { recursive: true, force: true });
    }
  }
  git('worktree', 'prune');
  mkdirSync(dirname(tree), { recursive: true });
  git('worktree', 'add', '--detach', '--force', tree, commit);
  try {
    symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'] });
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const part of ['chromium', 'firefox', 'cli']) cpSync(join(tree, 'dist', part), join(out, part), { recursive: true });
    writeFileSync(stamp, `${commit}\n`);
  } finally {
    git('worktree', 'remove', '--force', tree);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [ref, out] = process.argv.slice(2);
  if (!ref || !out) {
    console.error('usage: node scripts/build-release.mjs <git ref> <output dir>');
    process.exit(2);
  }
  const built = buildRelease(ref, resolve(out));
  console.log(`${built.cached ? 'already built' : 'built'} ${ref} (${built.commit.slice(0, 12)}) into ${built.out}`);
}
