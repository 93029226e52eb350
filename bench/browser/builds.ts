// The builds the browser bench measures side by side (issue #24: before and after a change, from
// the same run): "after" is this checkout's dist/chromium; "before" is a git ref (default the
// commit before the #24 work) built by scripts/build-release.mjs into .cache/bench-builds/,
// cached by commit. Both are measured in the same run, in browsers launched the same way, on
// the same DNS stack, run by run in turn (measure-browser.ts).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildRelease } from '../../scripts/build-release.mjs';
import { EXTENSION_DIR, REPO_ROOT } from '../../test/e2e/harness/paths';

export type BuildLabel = 'before' | 'after';

export interface BuildUnderTest {
  label: BuildLabel;
  /** The unpacked Chromium build. */
  dir: string;
  /** The commit it was built from (for "after", this checkout's HEAD, plus "+ changes" when the tree differs). */
  commit: string;
}

/** main before any issue #24 work. */
export const DEFAULT_BEFORE_REF = '5bd7e54';

function headOf(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  const head = git('rev-parse', '--short=12', 'HEAD');
  return git('status', '--porcelain', '--untracked-files=no') === '' ? head : `${head} + changes`;
}

/**
 * The builds to measure: `before` (a git ref, or "none" for this build alone) and this build.
 * Building the ref takes a minute or two the first time (a worktree, then its own build).
 */
export function buildsUnderTest(beforeRef: string, log: (line: string) => void): BuildUnderTest[] {
  const after: BuildUnderTest = { label: 'after', dir: EXTENSION_DIR, commit: headOf() };
  if (beforeRef === 'none') return [after];
  const safe = beforeRef.replace(/[^\w.-]+/g, '_');
  log(`building the "before" build: ${beforeRef} (scripts/build-release.mjs, cached by commit)`);
  const built = buildRelease(beforeRef, join(REPO_ROOT, '.cache', 'bench-builds', safe));
  log(`  ${built.cached ? 'already built' : 'built'} ${built.commit.slice(0, 12)} into ${built.out}`);
  return [{ label: 'before', dir: join(built.out, 'chromium'), commit: built.commit.slice(0, 12) }, after];
}
