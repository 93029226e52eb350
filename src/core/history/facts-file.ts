/**
 * The facts file: what `mxray --save` writes, `mxray --since` reads, and the Watch view exports
 * and imports. JSON, versioned, one entry per name:
 *
 *   { "format": "mxray-facts", "version": 2, "savedAt": 1764700000000, "names": [MailFacts, ...] }
 *
 * Reading checks every field, so a hand-edited or foreign file is refused with a message that
 * says what is wrong, never half-read. A file of an older version (0.1.0's `--save`) is read
 * through the facts' own migrations (facts-versions.ts); a newer one is refused.
 */
import { isObject } from '../versioned';
import { FACTS_VERSION, type MailFacts } from './facts-types';
import { migrateFacts } from './facts-versions';

export { factsProblem } from './facts-check';

export const FACTS_FORMAT = 'mxray-facts';

export interface FactsFile {
  format: typeof FACTS_FORMAT;
  version: typeof FACTS_VERSION;
  savedAt: number;
  names: MailFacts[];
  /** Extension export only: per-name watch settings (minutes between checks). */
  watch?: { name: string; everyMinutes: number }[];
}

export function factsFile(names: MailFacts[], savedAt: number): FactsFile {
  return { format: FACTS_FORMAT, version: FACTS_VERSION, savedAt, names };
}

/** A file's text as `FactsFile`, or why it is not one. Never throws. */
export function parseFactsFile(text: string): { ok: true; file: FactsFile } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(data) || data.format !== FACTS_FORMAT) return { ok: false, error: `not an MXray facts file (no "format": "${FACTS_FORMAT}")` };
  if (!Number.isInteger(data.version) || (data.version as number) < 1 || (data.version as number) > FACTS_VERSION)
    return { ok: false, error: `facts format version ${JSON.stringify(data.version)} is not one this MXray reads (1 to ${FACTS_VERSION})` };
  if (typeof data.savedAt !== 'number' || !Array.isArray(data.names)) return { ok: false, error: '"savedAt" (a number) and "names" (a list) are required' };
  const names: MailFacts[] = [];
  for (const [i, entry] of data.names.entries()) {
    // An entry without its own version is of the file's version.
    const read = migrateFacts(isObject(entry) && entry.version === undefined ? { ...entry, version: data.version } : entry);
    if (!read.ok) return { ok: false, error: `names[${i}]: ${read.reason}` };
    names.push(read.value);
  }
  if (data.watch !== undefined) {
    const good = Array.isArray(data.watch) && data.watch.every((w) => isObject(w) && typeof w.name === 'string' && Number.isFinite(w.everyMinutes));
    if (!good) return { ok: false, error: '"watch" must be a list of {name, everyMinutes}' };
  }
  const file: FactsFile = { format: FACTS_FORMAT, version: FACTS_VERSION, savedAt: data.savedAt, names };
  if (data.watch !== undefined) file.watch = data.watch as FactsFile['watch'];
  return { ok: true, file };
}
