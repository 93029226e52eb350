/** Is this well-formed facts of the current version? Every field checked, so a stored or imported record is never half-read. */
import { isObject, isStrings } from '../versioned';
import { FACTS_VERSION, RECORD_KINDS } from './facts-types';

/** What is wrong with one entry, or undefined when it is well-formed facts. */
export function factsProblem(entry: unknown): string | undefined {
  if (!isObject(entry)) return 'not an object';
  if (entry.version !== FACTS_VERSION) return `facts version ${JSON.stringify(entry.version)} (expected ${FACTS_VERSION})`;
  for (const field of ['name', 'display', 'kind', 'resolver', 'verdict', 'status'] as const)
    if (typeof entry[field] !== 'string') return `"${field}" must be text`;
  if (!['domain', 'email', 'ip'].includes(entry.kind as string)) return `"kind" must be domain, email or ip`;
  if (typeof entry.checkedAt !== 'number') return '"checkedAt" must be a number';
  if (!Number.isInteger(entry.rules) || (entry.rules as number) < 1) return '"rules" must be a whole number from 1';
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
  if (entry.notAsked !== undefined) {
    const notAsked = entry.notAsked;
    const good =
      isObject(notAsked) &&
      (notAsked.records === undefined ||
        (isStrings(notAsked.records) && notAsked.records.every((kind) => RECORD_KINDS.some((known) => known.kind === kind)))) &&
      (notAsked.findings === undefined || isStrings(notAsked.findings));
    if (!good) return '"notAsked" must be {records?, findings?}, lists of record kinds and finding codes';
  }
  return undefined;
}
