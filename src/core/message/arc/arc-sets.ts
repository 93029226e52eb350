/**
 * The ARC sets of a message (RFC 8617 §4.1): ARC-Seal, ARC-Message-Signature and
 * ARC-Authentication-Results grouped by their i= instance, and what is wrong with the structure
 * (§5.1.1 / §5.2 step 1-3) as sentences. Reads at most `maxSets` sets.
 */
import { readSignatureTags, type ReadSignature } from '../dkim/signature-tags';
import type { HeaderField } from '../types';

/** RFC 8617 §4.2.1: instances run from 1 to 50. */
export const MAX_ARC_SETS = 50;

export interface ArcSignatureField extends ReadSignature {
  field: HeaderField;
}

export interface ArcHeaderSet {
  instance: number;
  seal?: ArcSignatureField;
  signature?: ArcSignatureField;
  results?: HeaderField;
}

export interface ArcStructure {
  /** The sets read, by instance (1 first). */
  sets: ArcHeaderSet[];
  /** Why the chain is structurally invalid, as sentences; empty when it is sound. */
  problems: string[];
}

const KINDS = { 'arc-seal': 'ARC-Seal', 'arc-message-signature': 'ARC-Message-Signature', 'arc-authentication-results': 'ARC-Authentication-Results' } as const;
type Kind = keyof typeof KINDS;
/** ARC header fields read at most: 1,000 is 333 sets, far past the 50 a chain may have. */
const FIELD_LIMIT = 1000;
/** RFC 8617 §4.1.1: an AAR value starts with "i=" instance ";". */
const AAR_INSTANCE = /^[ \t]*i[ \t]*=[ \t]*([0-9]{1,2})[ \t]*;/;

export function readArcSets(headers: readonly HeaderField[], maxSets = MAX_ARC_SETS): ArcStructure {
  const problems: string[] = [];
  const fields = headers.filter((field): field is HeaderField & { key: Kind } => Object.hasOwn(KINDS, field.key));
  // Sets come newest first, so the oldest 50 may sit below many more: read well past 3 x 50
  // fields, but not without end (each is read with bounded work, MAX_SIGNATURE_VALUE).
  const limit = Math.max(FIELD_LIMIT, maxSets * 3);
  if (fields.length > limit) problems.push(`The message has ${fields.length} ARC header fields; MXray read the first ${limit}.`);
  const byInstance = new Map<number, ArcHeaderSet>();
  let beyond = 0;
  for (const field of fields.slice(0, limit)) {
    const read = field.key === 'arc-authentication-results' ? undefined : { field, ...readSignatureTags(field.value, field.key) };
    const instance = read ? read.tags.instance : aarInstance(field);
    if (instance === null) {
      problems.push(`An ${KINDS[field.key]} field has no valid i= instance (1 to 50, RFC 8617 §4.2.1).`);
      continue;
    }
    if (instance > maxSets) {
      beyond++;
      continue;
    }
    const set = byInstance.get(instance) ?? { instance };
    byInstance.set(instance, set);
    if (!place(set, field, read)) problems.push(`Instance ${instance} has more than one ${KINDS[field.key]} field (RFC 8617 §5.1.1).`);
  }
  if (beyond > 0) problems.push(`The message has ARC sets beyond ${maxSets}; MXray read the first ${maxSets}, and a chain that long fails (RFC 8617 §4.2.1).`);

  const sets = [...byInstance.values()].sort((a, b) => a.instance - b.instance);
  sets.forEach((set, index) => {
    // RFC 8617 §5.1.1: instances are 1..N with no gap, each with exactly one field of each kind.
    if (set.instance !== index + 1 && !problems.some((problem) => problem.includes('gap')))
      problems.push(`The ARC instances have a gap: instance ${index + 1} is missing (RFC 8617 §5.1.1).`);
    const missing = (['seal', 'signature', 'results'] as const).filter((part) => !set[part]);
    if (missing.length > 0) problems.push(`Instance ${set.instance} has no ${missing.map((part) => PART_NAMES[part]).join(' or ')} (RFC 8617 §5.1.1).`);
  });
  return { sets, problems };
}

const PART_NAMES = { seal: 'ARC-Seal', signature: 'ARC-Message-Signature', results: 'ARC-Authentication-Results' } as const;

function aarInstance(field: HeaderField): number | null {
  // The instance comes first; a short slice bounds the regular expression.
  const match = AAR_INSTANCE.exec(field.value.slice(0, 64));
  const instance = match ? Number(match[1]) : 0;
  return instance >= 1 ? instance : null;
}

/** Put the field in its set; false when that set already has one of its kind. */
function place(set: ArcHeaderSet, field: HeaderField & { key: Kind }, read: ArcSignatureField | undefined): boolean {
  if (!read) {
    if (set.results) return false;
    set.results = field;
    return true;
  }
  const part = field.key === 'arc-seal' ? 'seal' : 'signature';
  if (set[part]) return false;
  set[part] = read;
  return true;
}
