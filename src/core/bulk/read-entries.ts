/**
 * Reading lines of a list for entries: each line's addresses, else its domains, else one invalid
 * entry saying why. Built on the single-query readers of `src/core/query`, so a name in a list
 * is read exactly as it is in the popup's box, with the same reasons when it is refused.
 *
 * Apart from extract-entries.ts (which splits CSV with papaparse) so the service worker can
 * read a bulk page's lines, or a selection's, without carrying the CSV library.
 */
import type { Query } from '../vocabulary';
import { emailsInText } from '../query/find-emails-in-text';
import { tryParseQuery } from '../query/parse-query';
import { isKnownOrSpecialUseTld } from '../query/registrable-domain';
import { EntryCollector } from './collect-entries';
import type { BulkInput } from './types';

/** One line of the input (or one CSV cell or row) and its line number, counted from 1. */
export interface EntryLine {
  text: string;
  line: number;
}

export function readEntries(lines: readonly EntryLine[]): BulkInput {
  const collector = new EntryCollector();
  for (const { text, line } of lines) readEntry(text, line, collector);
  return collector.result();
}

/** Plain text as lines (no CSV reading): a selection on a page, or a list that is no table. */
export function plainLines(text: string): EntryLine[] {
  return stripBom(text)
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ text: line, line: index + 1 }));
}

/** A byte order mark (Excel writes one) is no part of the first line or cell. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A message's `lines`, checked: what another context sends is data until it is known to be this. */
export function isEntryLines(value: unknown): value is EntryLine[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) => typeof entry === 'object' && entry !== null && typeof (entry as EntryLine).text === 'string' && Number.isInteger((entry as EntryLine).line),
    )
  );
}

/** What separates entries on one line: space, comma, semicolon, and the brackets of `Name <a@b>`. */
const SEPARATORS = /[\s,;<>()"']+/u;

/** One line or cell: its addresses, else its domains, else one invalid entry saying why. */
function readEntry(line: string, lineNumber: number, collector: EntryCollector): void {
  const text = line.trim();
  if (text === '') return;
  const tokens = text.split(SEPARATORS).filter((token) => token !== '');
  // Each word with an "@" read as the popup's box reads it (UTF-8 local parts, quoted ones),
  // then the addresses running text holds (`mail:ann@x.test.`); each address once a line.
  const found: string[] = [];
  const broken: string[] = [];
  const whole: string[] = [];
  const add = (query: Query) => {
    if (query.email === undefined || found.includes(query.email.toLowerCase())) return;
    found.push(query.email.toLowerCase());
    collector.addAddress(query);
  };
  for (const token of tokens) {
    if (!token.includes('@')) continue;
    const parsed = tryParseQuery(token);
    if (parsed.ok && parsed.query.kind === 'email') {
      add(parsed.query);
      whole.push(token.toLowerCase());
    } else broken.push(token);
  }
  const inText = [...emailsInText(text)];
  // `rg@bücher.test` inside `jörg@bücher.test` is the ASCII-only reader's partial view of it.
  for (const query of inText) if (!whole.some((token) => token.includes(query.input.toLowerCase()))) add(query);
  // A word with an "@" that no address was read from is a broken address: say what is wrong.
  for (const token of broken) {
    const lower = token.toLowerCase();
    if (inText.some((query) => lower.includes(query.input.toLowerCase()))) continue;
    const parsed = tryParseQuery(token);
    const why = parsed.ok ? `${token} is an address at an IP address, not at a domain, so there is no MX to look up.` : parsed.error.message;
    collector.addInvalid(token, why, lineNumber);
  }
  if (found.length > 0 || tokens.some((token) => token.includes('@'))) return;
  if (tokens.length === 1) {
    readLoneToken(tokens[0]!, lineNumber, collector);
    return;
  }
  // Several words and no address: keep the ones that are clearly domain names (known TLD).
  let domains = 0;
  for (const token of tokens) {
    if (!token.includes('.')) continue;
    const parsed = tryParseQuery(token);
    if (!parsed.ok || parsed.query.kind !== 'domain') continue;
    if (!isKnownOrSpecialUseTld(parsed.query.name.slice(parsed.query.name.lastIndexOf('.') + 1))) continue;
    collector.addDomain(parsed.query);
    domains++;
  }
  if (domains === 0) collector.addInvalid(text, 'This line has no email address or domain name in it.', lineNumber);
}

/** A line that is one word: a domain (or URL) as the popup's box reads it, or a reason why not. */
function readLoneToken(token: string, lineNumber: number, collector: EntryCollector): void {
  const parsed = tryParseQuery(token);
  if (!parsed.ok) collector.addInvalid(token, parsed.error.message, lineNumber);
  else if (parsed.query.kind === 'domain') collector.addDomain(parsed.query);
  else collector.addInvalid(token, `${token} is an IP address, not a domain: it has no MX records to check.`, lineNumber);
}
