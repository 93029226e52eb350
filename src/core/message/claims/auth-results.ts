/**
 * Authentication-Results (RFC 8601 §2.2): what a receiving server says it checked.
 *   authserv-id [version] ; method[/version]=result [reason=value] [ptype.property=value ...] ; ...
 * or "authserv-id; none". Comments may stand anywhere and are kept per result (Microsoft puts
 * "sender IP is 203.0.113.9" in one). Tolerant of what real servers write: Microsoft 365 leaves
 * the authserv-id out, and some servers put two results in one ";" segment.
 */
import { tokenize, type Token } from '../parse/header-tokens';
import type { ByteString } from '../types';

export interface AuthResultEntry {
  /** The method, lower case: `dkim`, `spf`, `dmarc`, `arc`, `iprev`... */
  method: string;
  /** The method's version (`dkim/1`), or null. */
  version: string | null;
  /** The result word, lower case: `pass`, `fail`, `softfail`, `none`... */
  result: string;
  /** reason="..." */
  reason: string | null;
  /** `ptype.property` (and Microsoft's bare `action`, `compauth`...) to value, the first of each kept. */
  properties: Record<string, string>;
  /** The comments of this result, in order. */
  comments: string[];
}

export interface AuthResults {
  /** The server that wrote the field, or null when it is left out. */
  authservId: string | null;
  version: string | null;
  /** "none": the server checked nothing (RFC 8601 §2.2 no-result). */
  none: boolean;
  results: AuthResultEntry[];
}

/** A real field is a few KB at most (one entry per DKIM signature). */
const MAX_LENGTH = 16 * 1024;
/** The methods of the IANA Email Authentication Methods registry that start a new result even without a ";" before them. */
const METHODS = new Set(['auth', 'dkim', 'domainkeys', 'iprev', 'sender-id', 'spf', 'dmarc', 'arc', 'dkim-adsp', 'vbr', 'rrvs', 'smime', 'dnswl', 'bimi']);
/** RFC 8601 §2.2 Keyword-like names: no "__proto__" or other odd keys in a plain object. */
const NAME = /^[a-z0-9][a-z0-9._-]*$/;
/** RFC 8601 §2.7 result words are keywords; Microsoft adds its own (bestguesspass). */
const RESULT_WORD = /^[a-z][a-z0-9-]*$/i;

export function parseAuthenticationResults(value: ByteString): AuthResults {
  const segments = splitSegments(tokenize(value.slice(0, MAX_LENGTH), ';=/'));
  const parsed: AuthResults = { authservId: null, version: null, none: false, results: [] };
  const head = segments[0] ?? [];
  let first = 0;
  if (!isResult(head)) {
    // authserv-id [CFWS authres-version]
    const values = head.filter((token) => token.kind === 'word' || token.kind === 'quoted');
    parsed.authservId = values[0]?.text ?? null;
    parsed.version = values[1] && /^\d+$/.test(values[1].text) ? values[1].text : null;
    first = 1;
  }
  for (const segment of segments.slice(first)) {
    const words = segment.filter((token) => token.kind !== 'comment');
    if (words.length === 1 && words[0]!.text.toLowerCase() === 'none') parsed.none = true;
    else parsed.results.push(...readResults(segment));
  }
  return parsed;
}

function splitSegments(tokens: readonly Token[]): Token[][] {
  const segments: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'special' && token.text === ';') segments.push([]);
    else segments.at(-1)!.push(token);
  }
  return segments;
}

/** The segment starts "method = result" (Microsoft's fields start so, with no authserv-id). */
function isResult(segment: readonly Token[]): boolean {
  const words = segment.filter((token) => token.kind !== 'comment');
  return words.length >= 3 && words[0]!.kind === 'word' && (isSpecial(words[1], '=') || isSpecial(words[1], '/'));
}

/**
 * One segment's results: "method=result" starts one; "reason=" and "ptype.property=" describe
 * it. A known method name (no dot) after that starts another, for servers that forget the ";".
 */
function readResults(segment: readonly Token[]): AuthResultEntry[] {
  const entries: AuthResultEntry[] = [];
  let entry: AuthResultEntry | null = null;
  for (let index = 0; index < segment.length; index++) {
    const token = segment[index]!;
    if (token.kind === 'comment') entry?.comments.push(token.text);
    if (token.kind !== 'word') continue;
    const name = token.text.toLowerCase();
    let next = index + 1;
    let version: string | null = null;
    if (isSpecial(segment[next], '/') && segment[next + 1]?.kind === 'word') {
      version = segment[next + 1]!.text; // method/version (RFC 8601 §2.2)
      next += 2;
    }
    if (!isSpecial(segment[next], '=')) continue; // a word out of place
    // The value, CFWS allowed around "=": the next word or quoted string.
    let valueAt = next + 1;
    const between: string[] = [];
    for (; segment[valueAt]?.kind === 'comment'; valueAt++) between.push(segment[valueAt]!.text);
    const valueToken = segment[valueAt];
    const value = valueToken?.kind === 'word' || valueToken?.kind === 'quoted' ? valueToken.text : '';
    index = value === '' ? valueAt - 1 : valueAt;
    if (entry === null || (METHODS.has(name) && RESULT_WORD.test(value))) {
      entry = { method: name, version, result: value.toLowerCase(), reason: null, properties: {}, comments: between };
      entries.push(entry);
      continue;
    }
    entry.comments.push(...between);
    if (name === 'reason') {
      entry.reason ??= value;
    } else if (NAME.test(name) && !Object.hasOwn(entry.properties, name)) {
      entry.properties[name] = value;
    }
  }
  return entries;
}

function isSpecial(token: Token | undefined, char: string): boolean {
  return token?.kind === 'special' && token.text === char;
}

export interface ArcAuthResults {
  /** `i=`, 1 to 50 (RFC 8617 §4.2.1), or null when missing or out of range. */
  instance: number | null;
  results: AuthResults;
}

/** ARC-Authentication-Results (RFC 8617 §4.1.1): "i=N;" and then an Authentication-Results payload. */
export function parseArcAuthenticationResults(value: ByteString): ArcAuthResults {
  const text = value.slice(0, MAX_LENGTH);
  const semicolon = tokenize(text, ';').find((token) => token.kind === 'special');
  const head = semicolon ? text.slice(0, semicolon.start) : text;
  const match = /^\s*i\s*=\s*0*(\d{1,2})\s*$/i.exec(head);
  const instance = match ? Number(match[1]) : null;
  return {
    instance: instance !== null && instance >= 1 && instance <= 50 ? instance : null,
    results: parseAuthenticationResults(semicolon ? text.slice(semicolon.end) : ''),
  };
}
