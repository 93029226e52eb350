/**
 * SPF macro expansion (RFC 7208 §7). Pure and synchronous: the caller hands in the letters'
 * values (the `p` letter needs DNS, so it is looked up before, and only when the text uses it).
 * Validation rules are those of `scanMacroString` (spf-macro.ts); this adds the expansion.
 */

/** The values of the macro letters (RFC 7208 §7.2). `c`, `r`, `t` are used in explanations only. */
export interface MacroValues {
  /** `<sender>`: local-part@domain. */
  s: string;
  /** Local-part of `<sender>`. */
  l: string;
  /** Domain of `<sender>`. */
  o: string;
  /** `<domain>`: the current domain (changes with include and redirect). */
  d: string;
  /** `<ip>`: dotted quad, or 32 dot-separated nibbles for IPv6. */
  i: string;
  /** The validated domain name of `<ip>`, or "unknown"; absent when not looked up. */
  p?: string;
  /** "in-addr" or "ip6". */
  v: string;
  /** The HELO/EHLO name. */
  h: string;
  /** `<ip>` in readable form (dotted quad, RFC 5952 IPv6). */
  c: string;
  /** The receiving host's name. */
  r: string;
  /** The time, in seconds since the epoch. */
  t: string;
}

export type ExpandResult = { ok: true; text: string } | { ok: false; error: string };

const LETTERS = 'slodipvh';
const EXPLANATION_LETTERS = 'slodipvhcrt';
const DELIMITERS = '.-+,/_=';
/** RFC 3986 §2.3 unreserved characters: not escaped by an upper-case macro letter. */
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** True when `text` holds `%{p}` (any case): expanding it needs a PTR lookup. */
export function usesPtrMacro(text: string): boolean {
  return /%\{p/i.test(text);
}

/**
 * Expand a macro-string (`explanation` false: a domain-spec or unknown modifier) or an
 * explain-string (`explanation` true: spaces and the c, r, t letters allowed). Linear in the
 * length of the text plus that of the values.
 */
export function expandMacros(text: string, values: MacroValues, explanation = false): ExpandResult {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char !== '%') {
      const code = char.charCodeAt(0);
      // macro-literal: %x21-24 / %x26-7E (RFC 7208 §7.1); explain-string also has SP.
      if (code > 0x7e || code < 0x20 || (code === 0x20 && !explanation))
        return { ok: false, error: `the character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in SPF text` };
      out += char;
      index += 1;
      continue;
    }
    const next = text[index + 1];
    if (next === '%') out += '%';
    else if (next === '_') out += ' ';
    else if (next === '-') out += '%20';
    else if (next === '{') {
      const close = text.indexOf('}', index + 2);
      if (close < 0) return { ok: false, error: `the macro at "${text.slice(index, index + 12)}" has no closing "}"` };
      const expanded = expandOne(text.slice(index + 2, close), values, explanation);
      if (!expanded.ok) return expanded;
      out += expanded.text;
      index = close + 1;
      continue;
    } else return { ok: false, error: `"%" must be followed by "{", "%", "_" or "-" (RFC 7208 §7.1)` };
    index += 2;
  }
  return { ok: true, text: out };
}

/** `letter *DIGIT ["r"] *delimiter`, the body of `%{...}`. */
function expandOne(body: string, values: MacroValues, explanation: boolean): ExpandResult {
  const match = /^([a-zA-Z])([0-9]*)([rR]?)([-.+,/_=]*)$/.exec(body);
  if (!match) return { ok: false, error: `"%{${body}}" is not a macro (the form is %{letter}, then digits, "r" and delimiters)` };
  const [, letter = '', digits = '', reverse = '', delimiters = ''] = match;
  const lower = letter.toLowerCase();
  if (!(explanation ? EXPLANATION_LETTERS : LETTERS).includes(lower)) {
    return {
      ok: false,
      error: EXPLANATION_LETTERS.includes(lower)
        ? `the macro letter "${letter}" is allowed only in explanation text (RFC 7208 §7.2)`
        : `"${letter}" is not a macro letter (RFC 7208 §7.2)`,
    };
  }
  const keep = digits === '' ? undefined : Number(digits);
  if (keep === 0) return { ok: false, error: `"%{${body}}" keeps zero parts: the number must not be 0 (RFC 7208 §7.3)` };
  const value = values[lower as keyof MacroValues] ?? 'unknown';
  let text = value;
  if (keep !== undefined || reverse !== '' || delimiters !== '') {
    // RFC 7208 §7.3: split on the delimiters (default "."), reverse, keep the rightmost parts, join with ".".
    const split = splitOn(value, delimiters === '' ? '.' : delimiters);
    if (reverse !== '') split.reverse();
    text = (keep === undefined ? split : split.slice(Math.max(0, split.length - keep))).join('.');
  }
  // Upper-case letters: the same value, URL-escaped (RFC 7208 §7.3).
  return { ok: true, text: letter === lower ? text : urlEscape(text) };
}

function splitOn(value: string, delimiters: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const char of value) {
    if (DELIMITERS.includes(char) && delimiters.includes(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function urlEscape(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
