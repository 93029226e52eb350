/**
 * SPF macros (RFC 7208 §7) and domain-specs (§4.8, §7.1): recognised and validated, never
 * expanded. Expanding needs the sender's address and name, which a DNS lookup tool does not
 * have; a term with a macro is shown as written and not followed.
 */
import type { DnsName } from '../../vocabulary';

/** RFC 7208 §7.2: s l o d i p h v anywhere; c r t only in explanation text. */
const MACRO_LETTERS = /^[slodiphcrtv]$/i;
const EXPLANATION_ONLY = /^[crt]$/i;
/** `%{` letter, transformers (digits, then an optional `r`), delimiters, `}` (RFC 7208 §7.1). */
const MACRO_BODY = /([^}])([0-9]*)(r?)([-.+,/_=]*)\}/iy;
/** `toplabel` of RFC 7208 §7.1: letters and digits with at least one letter, or with inner hyphens. */
const TOPLABEL = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;
/** A label a resolver can be asked about: letters, digits, `-` and `_` (as in `_spf`), 1-63 of them. */
const LABEL = /^[a-z0-9_-]{1,63}$/i;

export interface MacroScan {
  /** The text holds at least one macro-expand (`%{d}`, or the escapes `%%`, `%_`, `%-`). */
  macro: boolean;
  /** It ends with a macro-expand (a valid `domain-end`, RFC 7208 §7.1). */
  endsWithMacro: boolean;
  error?: string;
}

/**
 * Check a `macro-string` (RFC 7208 §7.1). `explanation` allows the c, r and t letters, which
 * only explanation text may use (§7.2). Linear in the length of `text`.
 */
export function scanMacroString(text: string, explanation = false): MacroScan {
  let macro = false;
  let endsWithMacro = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char !== '%') {
      const code = char.charCodeAt(0);
      // macro-literal: visible ASCII except "%" (RFC 7208 §7.1)
      if (code < 0x21 || code > 0x7e) return { macro, endsWithMacro: false, error: `${describeChar(text.codePointAt(index)!)} is not allowed in SPF` };
      endsWithMacro = false;
      index += 1;
      continue;
    }
    const next = text[index + 1];
    if (next === '%' || next === '_' || next === '-') {
      index += 2;
    } else if (next === '{') {
      MACRO_BODY.lastIndex = index + 2;
      const scanned = MACRO_BODY.exec(text);
      if (!scanned)
        return {
          macro: true,
          endsWithMacro: false,
          error: `the macro at "${excerpt(text, index)}" is not valid (the form is %{letter} with optional digits, "r" and delimiters)`,
        };
      const [whole, letter = '', digits = ''] = scanned;
      if (!MACRO_LETTERS.test(letter))
        return { macro: true, endsWithMacro: false, error: `"%{${letter}" is not a macro: the letters are s, l, o, d, i, p, h and v` };
      if (!explanation && EXPLANATION_ONLY.test(letter))
        return { macro: true, endsWithMacro: false, error: `the macro letter "${letter}" is allowed only in explanation text` };
      if (digits !== '' && Number(digits) === 0)
        return { macro: true, endsWithMacro: false, error: `"%{${whole}" keeps zero labels: the number must not be 0` };
      index += 2 + whole.length;
    } else {
      return { macro, endsWithMacro: false, error: `a "%" must start a macro (%{...}) or be written "%%"` };
    }
    macro = true;
    endsWithMacro = true;
  }
  return { macro, endsWithMacro };
}

export interface DomainSpecCheck {
  macro: boolean;
  /** The name to ask about (lower case, no trailing dot), when the spec has no macro and is valid. */
  target?: DnsName;
  error?: string;
}

/**
 * Check a `domain-spec` (RFC 7208 §7.1): a macro-string ending in `.toplabel` (and an optional
 * dot) or in a macro. Without macros it must also be a name DNS can hold, since a name that is
 * not one never has records: the term could only fail.
 */
export function checkDomainSpec(spec: string, grammarOnly = false): DomainSpecCheck {
  if (spec === '') return { macro: false, error: 'the domain is missing' };
  const scan = scanMacroString(spec);
  if (scan.error) return { macro: scan.macro, error: scan.error };
  if (scan.endsWithMacro) return { macro: true };
  const name = spec.endsWith('.') ? spec.slice(0, -1) : spec;
  const dot = name.lastIndexOf('.');
  if (dot < 0 || !TOPLABEL.test(name.slice(dot + 1))) {
    return { macro: scan.macro, error: `"${spec}" does not end in a top-level domain (such as .com), so it is not a domain name` };
  }
  if (scan.macro) return { macro: true };
  if (name.length > 253 || !name.split('.').every((label) => LABEL.test(label))) {
    // RFC 7208 §7.1 allows any visible character; check_host() then finds no such name (§4.8).
    if (grammarOnly) return { macro: false };
    return { macro: false, error: `"${spec}" is not a valid domain name` };
  }
  return { macro: false, target: name.toLowerCase() };
}

function describeChar(code: number): string {
  if (code === 0x09) return 'a tab';
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0x20) return 'a space';
  return `the non-ASCII character "${String.fromCodePoint(code)}"`;
}

function excerpt(text: string, from: number): string {
  const rest = text.slice(from, from + 12);
  return text.length > from + 12 ? `${rest}…` : rest;
}
