/**
 * What changed in a TXT-published record, in words: SPF by its terms (the `all` qualifier,
 * includes, other mechanisms), DMARC by its tags (the policy first), the others as records.
 */
import { escapeUnsafe } from '../text/unsafe-chars';
import { parseDmarc } from '../mail/dmarc/parse-dmarc';
import { parseSpf } from '../mail/spf/parse-spf';
import type { SpfMechanism, SpfTerm } from '../mail/spf/types';
import { listOf } from '../wording';
import { RECORD_KINDS, type RecordKind } from './facts-types';

export const RECORD_LABEL = Object.fromEntries(RECORD_KINDS.map(({ kind, label }) => [kind, label])) as Record<RecordKind, string>;

/** Sentences for a record set that went from `before` to `after` (both non-empty lists, or one empty). */
export function describeRecordChange(kind: RecordKind, before: readonly string[], after: readonly string[]): string[] {
  const label = RECORD_LABEL[kind];
  if (before.length === 0) return [`${label} record was added: ${quoteList(after)}`];
  if (after.length === 0) return [`${label} record was removed (it was ${quoteList(before)})`];
  if (before.length === 1 && after.length === 1) {
    const sentences = kind === 'spf' ? spfChanges(before[0]!, after[0]!) : kind === 'dmarc' ? dmarcChanges(before[0]!, after[0]!) : [];
    return sentences.length > 0 ? sentences : [`${label} record changed from ${quote(before[0]!)} to ${quote(after[0]!)}`];
  }
  return [`${label} records went from ${quoteList(before)} to ${quoteList(after)}`];
}

/**
 * DNS text quoted inside a sentence (the summary goes to notifications and the report's top):
 * control and bidi characters shown as `\u{…}`, so a record cannot reorder or hide the words
 * around it. The side-by-side values stay raw; each view shows them as text its own way.
 */
/** DNS text with its control, bidi and invisible characters shown escaped (the one shared escape of src/core/text). */
export const visible = (text: string) => escapeUnsafe(text);
const quote = (text: string) => `"${visible(text)}"`;
const quoteList = (list: readonly string[]) => list.map(quote).join(' and ');

const QUALIFIER_TEXT: Record<string, string> = { '+': '+all', '-': '-all', '~': '~all', '?': '?all' };

function allOf(terms: readonly SpfTerm[]): string | undefined {
  const all = terms.find((t): t is SpfMechanism => t.kind === 'mechanism' && t.name === 'all');
  return all ? QUALIFIER_TEXT[all.qualifier] : undefined;
}

function termSet(terms: readonly SpfTerm[], include: boolean): Set<string> {
  return new Set(
    terms
      .filter((t) => !(t.kind === 'mechanism' && t.name === 'all') && (t.kind === 'mechanism' && t.name === 'include') === include)
      .map((t) => t.text.toLowerCase()),
  );
}

function spfChanges(before: string, after: string): string[] {
  const a = parseSpf(before).terms;
  const b = parseSpf(after).terms;
  const sentences: string[] = [];
  const allA = allOf(a);
  const allB = allOf(b);
  if (allA !== allB) {
    if (allA && allB) sentences.push(`SPF now ends in ${allB} instead of ${allA}`);
    else if (allB) sentences.push(`SPF now ends in ${allB} (it had no "all")`);
    else sentences.push(`SPF no longer ends in ${allA}`);
  }
  for (const include of [false, true]) {
    const setA = termSet(a, include);
    const setB = termSet(b, include);
    const added = [...setB].filter((t) => !setA.has(t));
    const removed = [...setA].filter((t) => !setB.has(t));
    const what = include ? 'include' : 'term';
    if (added.length > 0) sentences.push(`SPF ${what}${added.length > 1 ? 's' : ''} ${listOf(added.map(visible))} added`);
    if (removed.length > 0) sentences.push(`SPF ${what}${removed.length > 1 ? 's' : ''} ${listOf(removed.map(visible))} removed`);
  }
  // Same terms in another order still changes what a receiver matches first.
  if (sentences.length === 0 && before.toLowerCase() !== after.toLowerCase())
    sentences.push(`SPF record was rewritten with the same terms: ${quote(after)} (was ${quote(before)})`);
  return sentences;
}

const DMARC_TAGS: [key: 'p' | 'sp' | 'np' | 'pct' | 'adkim' | 'aspf' | 'rua' | 'ruf', label: string][] = [
  ['p', 'DMARC policy'],
  ['sp', 'DMARC subdomain policy (sp)'],
  ['np', 'DMARC policy for names that do not exist (np)'],
  ['pct', 'DMARC pct'],
  ['adkim', 'DMARC DKIM alignment (adkim)'],
  ['aspf', 'DMARC SPF alignment (aspf)'],
  ['rua', 'DMARC aggregate reports (rua)'],
  ['ruf', 'DMARC failure reports (ruf)'],
];

function dmarcChanges(before: string, after: string): string[] {
  const a = parseDmarc(before);
  const b = parseDmarc(after);
  const sentences: string[] = [];
  for (const [tag, label] of DMARC_TAGS) {
    const valueA = tagText(tag === 'p' ? a.policy : a.tags[tag], visible);
    const valueB = tagText(tag === 'p' ? b.policy : b.tags[tag], visible);
    if (valueA === valueB) continue;
    if (valueA === undefined) sentences.push(`${label} is now ${valueB} (was not set)`);
    else if (valueB === undefined) sentences.push(`${label} is no longer set (was ${valueA})`);
    else sentences.push(`${label} went from ${valueA} to ${valueB}`);
  }
  if (sentences.length === 0 && before !== after) sentences.push(`DMARC record changed from ${quote(before)} to ${quote(after)}`);
  return sentences;
}

function tagText(value: string | number | string[] | undefined, shown: (text: string) => string): string | undefined {
  if (Array.isArray(value)) return value.length > 0 ? shown([...value].sort().join(', ')) : undefined;
  return value === undefined ? undefined : shown(String(value));
}
