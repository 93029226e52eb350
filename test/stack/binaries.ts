// Finds the external programs the stack runs. A missing one is a hard error that says what to
// install: a stack that silently skips would let integration tests pass without testing anything.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const INSTALL_HINT = 'apt-get install -y knot dnsdist knot-dnsutils';

/** The Debian package that provides each program, for the error message. */
const PACKAGES = {
  knotd: 'knot',
  knotc: 'knot',
  dnsdist: 'dnsdist',
  kdig: 'knot-dnsutils',
  openssl: 'openssl',
} as const;

export type StackBinary = keyof typeof PACKAGES;

// knotd lives in /usr/sbin, which is not on PATH for ordinary users.
const EXTRA_DIRS = ['/usr/sbin', '/sbin', '/usr/local/sbin'];

const found = new Map<StackBinary, string>();

const defaultDirs = () => [...(process.env.PATH ?? '').split(delimiter), ...EXTRA_DIRS].filter(Boolean);

/** The program's path; throws an Error naming the package to install when it is missing. */
export function findBinary(name: StackBinary, dirs: readonly string[] = defaultDirs()): string {
  const cached = found.get(name);
  if (cached && dirs.some((dir) => cached.startsWith(`${dir}/`))) return cached;
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      found.set(name, path);
      return path;
    } catch {
      // not in this directory; keep looking
    }
  }
  const pkg = PACKAGES[name];
  const hint = name === 'openssl' ? 'apt-get install -y openssl' : INSTALL_HINT;
  throw new Error(`The MXray DNS test stack needs \`${name}\` (Debian package "${pkg}") and it is not installed. ` + `Install it with: ${hint}`);
}

/** Checks every program up front, so a missing one fails before anything is started. */
export function requireStackBinaries(): void {
  for (const name of Object.keys(PACKAGES) as StackBinary[]) findBinary(name);
}
