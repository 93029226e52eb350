/**
 * `diffFacts(old, new)`: which facts changed between two lookups of a name, as sets, never as
 * text: the facts are already sorted and free of TTLs (facts-of.ts), so a reordered answer or
 * another TTL is no change, while an address that moved is. `applyDiff(old, diff)` gives the
 * new facts back, which is what the property tests hold the diff to.
 */
import type { FindingFacts, MailFacts } from './facts-types';
import { verdictOf } from './facts-of';
import { fromEntries, keyOf, keyText, metaOf, toEntries, type FactKey } from './fact-entries';
import { compareText } from './order';

export interface FactChange {
  key: FactKey;
  /** The value before and after: a set, sorted; empty when the fact was not there. */
  before: string[];
  after: string[];
  /**
   * A question on one side got no answer (a resolver failed, a host's lookup errored), so this
   * may be a failed check rather than a change at the domain. Kept, so the diff stays exact,
   * but never counted as a change or alerted on.
   */
  uncertain: boolean;
  /**
   * The older facts come from an MXray that never asked this (facts-versions.ts, `notAsked`):
   * the new side is "not checked before", not a change. Kept, never counted or alerted on.
   */
  firstAsked?: true;
  /**
   * A finding or the verdict, where the two checks were judged by different rules (`rules`: an
   * older MXray made the old one): the new rules may say otherwise about the same DNS, so this is
   * not a change at the domain. Kept, never counted or alerted on; what the DNS said still is.
   */
  newRules?: true;
}

export interface FactsDiff {
  name: string;
  display: string;
  /** `checkedAt` of the old and the new facts. */
  since: number;
  until: number;
  changes: FactChange[];
}

/**
 * Statuses that say "no answer", not "the answer is": a change to or from them is uncertain.
 * `skipped` too: a question not asked this time (PTRs with --no-ptr) says nothing changed.
 */
const NO_ANSWER = new Set(['error', 'pending', 'skipped']);

/** The order topics are told in: routing first, then addresses, reverse names, records, findings. */
const TOPIC_ORDER = [
  'status',
  'null-mx',
  'implicit-mx',
  'mx',
  'host',
  'cname',
  'addr',
  'ptr-status',
  'ptr',
  'record-status',
  'record-name',
  'record',
  'verdict',
  'finding',
];

export function diffFacts(old: MailFacts, next: MailFacts): FactsDiff {
  const before = toEntries(old);
  const after = toEntries(next);
  const keys = new Set([...before.keys(), ...after.keys()]);
  const changes: FactChange[] = [];
  for (const text of keys) {
    const a = before.get(text) ?? [];
    const b = after.get(text) ?? [];
    if (sameList(a, b)) continue;
    const key = keyOf(text);
    const change: FactChange = { key, before: a, after: b, uncertain: isUncertain(key, old, next) };
    if (isFirstAsked(key, a, old, next)) change.firstAsked = true;
    else if (old.rules !== next.rules && (key[0] === 'finding' || key[0] === 'verdict')) change.newRules = true;
    changes.push(change);
  }
  changes.sort((x, y) => TOPIC_ORDER.indexOf(x.key[0]) - TOPIC_ORDER.indexOf(y.key[0]) || compareText(keyText(x.key), keyText(y.key)));
  return { name: next.name, display: next.display, since: old.checkedAt, until: next.checkedAt, changes };
}

/** The changes that count: what alerts, what `--since` exits 3 for. */
export function realChanges(diff: FactsDiff): FactChange[] {
  return diff.changes.filter((change) => !change.uncertain && !change.firstAsked && !change.newRules);
}

/** What the new check has that the old one never asked: "not checked before", never a change. */
export function firstAskedChanges(diff: FactsDiff): FactChange[] {
  return diff.changes.filter((change) => change.firstAsked && !change.uncertain);
}

/** Findings and the verdict as other rules judge them (facts from an older MXray): said, never counted. */
export function newRulesChanges(diff: FactsDiff): FactChange[] {
  return diff.changes.filter((change) => change.newRules && !change.uncertain);
}

/** `old` with the diff's changes made, and the new check's time and resolver: equal to the new facts. */
export function applyDiff(old: MailFacts, diff: FactsDiff, meta = metaOf(old)): MailFacts {
  const table = toEntries(old);
  for (const change of diff.changes) {
    if (change.after.length === 0) table.delete(keyText(change.key));
    else table.set(keyText(change.key), [...change.after]);
  }
  return fromEntries(table, meta);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function hostState(facts: MailFacts, host: string | null | undefined): string | undefined {
  return facts.hosts.find((h) => h.host === host)?.state;
}

function ptrStatus(facts: MailFacts, ip: string | null | undefined): string | undefined {
  return facts.ptr.find((p) => p.ip === ip)?.status;
}

function recordStatus(facts: MailFacts, kind: string | null | undefined): string | undefined {
  return facts.records[kind as keyof MailFacts['records']]?.status;
}

/** Any question on this side that got no answer: then findings may differ for that reason alone. */
function hasGaps(facts: MailFacts): boolean {
  return (
    NO_ANSWER.has(facts.status) ||
    facts.hosts.some((h) => NO_ANSWER.has(h.state)) ||
    facts.ptr.some((p) => NO_ANSWER.has(p.status)) ||
    Object.values(facts.records).some((r) => NO_ANSWER.has(r.status))
  );
}

/**
 * A record kind or finding the old facts' MXray never asked (`old.notAsked`), and the verdict
 * when only such findings move it: the old check could not have seen them.
 */
function isFirstAsked(key: FactKey, before: readonly string[], old: MailFacts, next: MailFacts): boolean {
  const notAsked = old.notAsked;
  if (!notAsked) return false;
  const [topic, subject] = key;
  const findings = new Set(notAsked.findings ?? []);
  switch (topic) {
    case 'record-status':
    case 'record-name':
    case 'record':
      return (notAsked.records ?? []).some((kind) => kind === subject);
    case 'finding':
      return before.length === 0 && findings.has(subject ?? '');
    case 'verdict': {
      const askedBefore = (f: FindingFacts) => !findings.has(f.code);
      return findings.size > 0 && verdictOf(next.status, next.findings.filter(askedBefore)) === old.verdict;
    }
    default:
      return false;
  }
}

function isUncertain(key: FactKey, old: MailFacts, next: MailFacts): boolean {
  const either = (read: (facts: MailFacts) => string | undefined) => NO_ANSWER.has(read(old) ?? '') || NO_ANSWER.has(read(next) ?? '');
  const [topic, subject] = key;
  // The main question unanswered: the whole check failed, nothing it says is a change.
  if (either((f) => f.status)) return true;
  const hostGaps = [old, next].some((f) => f.hosts.some((h) => NO_ANSWER.has(h.state)));
  switch (topic) {
    case 'status':
    case 'null-mx':
    case 'implicit-mx':
    case 'mx':
      return either((f) => f.status);
    case 'host':
    case 'cname':
    case 'addr':
      return either((f) => f.status) || either((f) => hostState(f, subject));
    case 'ptr-status':
    case 'ptr': {
      // An address that came or went while a host's lookup failed went with that failure.
      const oneSided = ptrStatus(old, subject) === undefined || ptrStatus(next, subject) === undefined;
      return either((f) => ptrStatus(f, subject)) || (oneSided && hostGaps);
    }
    case 'record-status':
    case 'record-name':
    case 'record':
      return either((f) => recordStatus(f, subject));
    default:
      // verdict, findings: they follow from everything else.
      return hasGaps(old) || hasGaps(next);
  }
}
