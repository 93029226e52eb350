/**
 * The header data a DKIM signature signs (RFC 6376 §3.7, §5.4.2): the fields named in h=, picked
 * from the bottom of the header up, then the signature field itself with its b= value emptied.
 * ARC's ARC-Message-Signature signs the same way (RFC 8617 §4.1.2).
 */
import type { ByteString, HeaderField } from '../types';
import { canonicalizeHeader } from './canonicalize';
import type { Canonicalization } from './signature-tags';

const CRLF = '\r\n';

/** Fields whose second copy a mail client may show instead of the signed one (RFC 6376 §8.15). */
const WORTH_OVER_SIGNING = ['from', 'subject', 'to', 'date', 'reply-to', 'content-type'];

/**
 * The bytes to hash: each named field canonicalised with its CRLF, then the signature field
 * (b= emptied, canonicalised) without one (RFC 6376 §3.7).
 */
export function headerHashInput(
  headers: readonly HeaderField[],
  signedNames: readonly string[],
  signatureField: HeaderField,
  mode: Canonicalization,
): ByteString {
  // Where each name occurs, top first; the field being verified is never one of "its" fields.
  const positions = new Map<string, HeaderField[]>();
  for (const field of headers) {
    if (field === signatureField) continue;
    const list = positions.get(field.key);
    if (list) list.push(field);
    else positions.set(field.key, [field]);
  }
  const parts: string[] = [];
  for (const name of signedNames) {
    // RFC 6376 §5.4.2: repeated names take instances from the bottom up; a name with no instance
    // left contributes nothing (that is what makes over-signing work).
    const field = positions.get(name.toLowerCase())?.pop();
    if (field) parts.push(canonicalizeHeader(field.raw, mode) + CRLF);
  }
  parts.push(canonicalizeHeader(withEmptySignature(signatureField.raw), mode));
  return parts.join('');
}

/**
 * The field with the value of its b= tag deleted, "including all surrounding whitespace"
 * (RFC 6376 §3.7); every other byte stays, since "simple" hashes the field as it is.
 */
export function withEmptySignature(raw: ByteString): ByteString {
  const colon = raw.indexOf(':');
  if (colon < 0) return raw;
  const specs = raw.slice(colon + 1).split(';');
  const index = specs.findIndex((spec) => {
    const equals = spec.indexOf('=');
    return equals >= 0 && spec.slice(0, equals).replace(/[ \t\r\n]+/g, '') === 'b';
  });
  if (index < 0) return raw;
  const spec = specs[index]!;
  specs[index] = spec.slice(0, spec.indexOf('=') + 1);
  return raw.slice(0, colon + 1) + specs.join(';');
}

/**
 * Advice when a field people read is signed no more often than it appears: another copy could
 * be added above it and the signature would still verify, while many clients show the new one
 * (RFC 6376 §8.15). Naming it once more in h= ("over-signing") closes that.
 */
export function overSigningWarning(headers: readonly HeaderField[], signedNames: readonly string[]): string | null {
  const open: string[] = [];
  for (const key of WORTH_OVER_SIGNING) {
    const present = headers.filter((field) => field.key === key);
    const signed = signedNames.filter((name) => name.toLowerCase() === key).length;
    if (present.length > 0 && signed > 0 && signed <= present.length) open.push(present[0]!.name);
  }
  if (open.length === 0) return null;
  const names = open.length === 1 ? open[0]! : `${open.slice(0, -1).join(', ')} and ${open.at(-1)!}`;
  return (
    `${names} ${open.length === 1 ? 'is' : 'are'} signed only as often as ${open.length === 1 ? 'it appears' : 'they appear'}, ` +
    'so another copy could be added above without breaking the signature; signers prevent that by over-signing ' +
    '(naming each once more in h=, RFC 6376 §8.15).'
  );
}
