/**
 * The facts file: what `mxray --save` writes, `mxray --since` reads, and the Watch view exports
 * and imports. JSON, versioned, one entry per name:
 *
 *   { "format": "mxray-facts", "version": 1, "savedAt": 1764700000000, "names": [MailFacts, ...] }
 *
 * Reading checks every field, so a hand-edited or foreign file is refused with a message that
 * says what is wrong, never half-read.
 */
import { FACTS_VERSION, RECORD_KINDS, type MailFacts } from './facts-types';

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
  if (data.version !== FACTS_VERSION)
    return { ok: false, error: `facts format version ${JSON.stringify(data.version)} is not the one this MXray reads (${FACTS_VERSION})` };
  if (typeof data.savedAt !== 'number' || !Array.isArray(data.names)) return { ok: false, error: '"savedAt" (a number) and "names" (a list) are required' };
  for (const [i, entry] of data.names.entries()) {
    const problem = factsProblem(entry);
    if (problem) return { ok: false, error: `names[${i}]: ${problem}` };
  }
  if (data.watch !== undefined) {
    const good = Array.isArray(data.watch) && data.watch.every((w) => isObject(w) && typeof w.name === 'string' && Number.isFinite(w.everyMinutes));
    if (!good) return { ok: false, error: '"watch" must be a list of {name, everyMinutes}' };
  }
  return { ok: true, file: data as unknown as FactsFile };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** What is wrong with one entry, or undefined when it is well-formed facts. */
export function factsProblem(entry: unknown): string | undefined {
  if (!isObject(entry)) return 'not an object';
  if (entry.version !== FACTS_VERSION) return `facts version ${JSON.stringify(entry.version)} (expected ${FACTS_VERSION})`;
  for (const field of ['name', 'display', 'kind', 'resolver', 'verdict', 'status'] as const)
    if (typeof entry[field] !== 'string') return `"${field}" must be text`;
  if (!['domain', 'email', 'ip'].includes(entry.kind as string)) return `"kind" must be domain, email or ip`;
  if (typeof entry.checkedAt !== 'number') return '"checkedAt" must be a number';
  if (typeof entry.nullMx !== 'boolean' || typeof entry.implicitMx !== 'boolean') return '"nullMx" and "implicitMx" must be true or false';
  if (!isStrings(entry.answeredBy)) return '"answeredBy" must be a list of text';
  if (!Array.isArray(entry.mx) || !entry.mx.every((m) => isObject(m) && typeof m.host === 'string' && Number.isInteger(m.preference)))
    return '"mx" must be a list of {host, preference}';
  if (
    !Array.isArray(entry.hosts) ||
    !entry.hosts.every((h) => isObject(h) && typeof h.host === 'string' && typeof h.state === 'string' && isStrings(h.cname) && isStrings(h.addresses))
  )
    return '"hosts" must be a list of {host, state, cname, addresses}';
  if (!Array.isArray(entry.ptr) || !entry.ptr.every((p) => isObject(p) && typeof p.ip === 'string' && typeof p.status === 'string' && isStrings(p.names)))
    return '"ptr" must be a list of {ip, status, names}';
  if (
    !isObject(entry.records) ||
    !Object.entries(entry.records).every(
      ([kind, r]) =>
        RECORD_KINDS.some((known) => known.kind === kind) && isObject(r) && typeof r.name === 'string' && typeof r.status === 'string' && isStrings(r.records),
    )
  )
    return `"records" must map ${RECORD_KINDS.map((known) => known.kind).join(', ')} to {name, status, records}`;
  if (
    !Array.isArray(entry.findings) ||
    !entry.findings.every(
      (f) => isObject(f) && typeof f.code === 'string' && typeof f.severity === 'string' && (f.subject === undefined || typeof f.subject === 'string'),
    )
  )
    return '"findings" must be a list of {code, severity, subject?}';
  return undefined;
}
