/**
 * Is a label decoded from an `xn--` A-label a valid U-label? The checks of RFC 5891 §5.4 and the
 * UTS #46 validity criteria (§4.1) that matter for reading a name right: it must be valid
 * punycode that encodes back to the same A-label, in NFC, not plain ASCII, with no hyphens in
 * positions 3-4 or at either end, not starting with a combining mark, holding no character
 * IDNA2008 disallows (controls, format and invisible characters, spaces, upper case, symbols
 * and punctuation), and not mixing right-to-left with left-to-right letters (RFC 5893).
 * A label that fails is shown as its A-label (`displayName`), never as misleading Unicode.
 */
import { toASCII, toUnicode } from 'punycode/';

/** Punctuation IDNA2008 allows in context (RFC 5892 Appendix A, CONTEXTO). */
const CONTEXT_PUNCTUATION = /[\u00b7\u0375\u05f3\u05f4\u30fb]/gu;
const DISALLOWED = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}\p{Z}\p{Lu}\p{Lt}\p{S}\p{P}]/u;
const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LTR_LETTER = /(?![\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])\p{L}/u;

export type DecodedLabel = { ok: true; unicode: string } | { ok: false; problem: string };

export function decodeALabel(aLabel: string): DecodedLabel {
  let unicode: string;
  try {
    unicode = toUnicode(aLabel.toLowerCase());
  } catch {
    return { ok: false, problem: 'it is not valid punycode' };
  }
  const problem = uLabelProblem(aLabel.toLowerCase(), unicode);
  return problem === undefined ? { ok: true, unicode } : { ok: false, problem };
}

function uLabelProblem(aLabel: string, label: string): string | undefined {
  if (label === aLabel) return 'it is not valid punycode';
  if (/^[\x20-\x7e]*$/.test(label)) return 'it decodes to plain ASCII, which is never written as an A-label';
  try {
    if (toASCII(label) !== aLabel) return 'it does not encode back to the same A-label';
  } catch {
    return 'it does not encode back to the same A-label';
  }
  if (label.normalize('NFC') !== label) return 'it is not in Unicode normal form C';
  if (label.startsWith('-') || label.endsWith('-')) return 'it starts or ends with a hyphen';
  if (label.slice(2, 4) === '--') return 'it has hyphens in the third and fourth positions';
  if (/^\p{M}/u.test(label)) return 'it starts with a combining mark';
  const bad = DISALLOWED.exec(label.replace(CONTEXT_PUNCTUATION, '').replace(/-/g, ''));
  if (bad) return `it holds ${codePoint(bad[0])}, a character IDNA2008 does not allow in names`;
  if (RTL.test(label) && LTR_LETTER.test(label)) return 'it mixes right-to-left and left-to-right letters (RFC 5893)';
  return undefined;
}

/** `U+200B`, for sentences about a character that cannot be shown as itself. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
