// Lists the fixture zones in test/zones: every `*.zone` file, named by its own $ORIGIN line
// (files ending in `.inc` are $INCLUDEd pieces, not zones).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ZONES_DIR = fileURLToPath(new URL('../zones/', import.meta.url));

export interface ZoneFile {
  /** Absolute zone name with the trailing dot, e.g. `test.` or `.` */
  origin: string;
  path: string;
}

export function listZoneFiles(dir = ZONES_DIR): ZoneFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.zone'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const origin = /^\$ORIGIN\s+(\S+)/m.exec(readFileSync(path, 'utf8'))?.[1];
      if (!origin?.endsWith('.')) throw new Error(`${path}: needs an absolute "$ORIGIN name." line`);
      return { origin, path };
    });
}
