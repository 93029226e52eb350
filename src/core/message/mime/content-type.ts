/**
 * Content-Type (RFC 2045 §5.1): `type/subtype` and its parameters, with quoted strings and
 * comments. RFC 2231 continuations (`boundary*0=`, `name*=utf-8''...`) are tolerated: sections
 * are joined in order and an extended value's charset/language prefix is dropped.
 * Never throws; an unreadable field gives the default `text/plain` (RFC 2045 §5.2).
 */
import { MIME_LIMITS } from './mime-limits';

export interface ContentType {
  /** `type/subtype`, lower case. */
  mediaType: string;
  type: string;
  subtype: string;
  /** Parameter values by lower-case name, unquoted. A Map, so `__proto__` is just a name. */
  params: Map<string, string>;
  /** The field was absent or unreadable, and the RFC 2045 §5.2 default applies. */
  defaulted: boolean;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function defaultContentType(): ContentType {
  return { mediaType: 'text/plain', type: 'text', subtype: 'plain', params: new Map([['charset', 'us-ascii']]), defaulted: true };
}

export function parseContentType(value: string | null | undefined): ContentType {
  if (value === null || value === undefined) return defaultContentType();
  const items = splitItems(stripComments(value.slice(0, MIME_LIMITS.maxFieldValue)));
  const [head = '', ...rest] = items;
  const slash = head.indexOf('/');
  const type = head.slice(0, slash).trim().toLowerCase();
  const subtype = head
    .slice(slash + 1)
    .trim()
    .toLowerCase();
  if (slash < 0 || !TOKEN.test(type) || !TOKEN.test(subtype)) return defaultContentType();
  return { mediaType: `${type}/${subtype}`, type, subtype, params: readParams(rest), defaulted: false };
}

/** RFC 822 comments `( ... )`, nested, outside quoted strings. */
function stripComments(text: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      out += c;
      if (c === '\\' && i + 1 < text.length) out += text[++i];
      else if (c === '"') quoted = false;
    } else if (depth > 0) {
      if (c === '\\') i++;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
    } else if (c === '(') depth = 1;
    else {
      if (c === '"') quoted = true;
      out += c;
    }
  }
  return out;
}

/** Split on `;` outside quoted strings. */
function splitItems(text: string): string[] {
  const items: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) {
      items.push(text.slice(start, i));
      start = i + 1;
    }
  }
  items.push(text.slice(start));
  return items;
}

function unquote(raw: string): string {
  const text = raw.trim();
  if (!text.startsWith('"')) return text;
  let out = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) out += text[++i];
    else if (c === '"') break;
    else out += c;
  }
  return out;
}

interface Section {
  index: number;
  extended: boolean;
  value: string;
}

function readParams(items: string[]): Map<string, string> {
  const plain = new Map<string, string>();
  const sections = new Map<string, Section[]>();
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    const attribute = item.slice(0, eq).trim().toLowerCase();
    const value = unquote(item.slice(eq + 1));
    // RFC 2231 §3, §4: name*N (a section), name*N* / name* (an extended, %-encoded value).
    const match = /^([^*]+)\*(?:(\d{1,3})\*?)?$/.exec(attribute);
    if (!match) {
      if (!plain.has(attribute)) plain.set(attribute, value);
      continue;
    }
    const name = match[1] ?? attribute;
    const list = sections.get(name) ?? [];
    if (list.length < 100) list.push({ index: match[2] === undefined ? 0 : Number(match[2]), extended: attribute.endsWith('*'), value });
    sections.set(name, list);
  }
  for (const [name, list] of sections) {
    if (plain.has(name)) continue;
    list.sort((a, b) => a.index - b.index);
    plain.set(name, list.map((s, i) => (s.extended ? decodeExtended(s.value, i === 0) : s.value)).join(''));
  }
  return plain;
}

/** RFC 2231 §4: `charset'language'%XX...`; the charset is not applied (bounce boundaries are ASCII). */
function decodeExtended(value: string, first: boolean): string {
  let text = value;
  if (first) {
    const parts = text.split("'");
    if (parts.length >= 3) text = parts.slice(2).join("'");
  }
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
