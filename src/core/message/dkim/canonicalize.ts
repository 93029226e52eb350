/**
 * DKIM canonicalisation (RFC 6376 §3.4): the exact bytes a signer hashed, rebuilt from the message
 * as received. Byte strings in, byte strings out; every pass is one linear regular expression
 * (no pattern here can backtrack over a long run of white space).
 */
import type { ByteString } from '../types';
import type { Canonicalization } from './signature-tags';

const CRLF = '\r\n';

/**
 * One header field, without its final CRLF. `raw` is the field as in the message (name, colon,
 * value, folding kept, CRLF line ends).
 */
export function canonicalizeHeader(raw: ByteString, mode: Canonicalization): ByteString {
  // RFC 6376 §3.4.1: "simple" changes nothing at all.
  if (mode === 'simple') return raw;
  // RFC 6376 §3.4.2 relaxed, in its order: lower-case the name, unfold, reduce WSP runs to one
  // SP, drop WSP at the end of the value and around the colon.
  const colon = raw.indexOf(':');
  const name = colon < 0 ? raw : raw.slice(0, colon);
  const value = colon < 0 ? '' : raw.slice(colon + 1);
  return `${lowerAscii(trimWspEnd(name))}:${relaxValue(value)}`;
}

/** Unfold, reduce each WSP run to one SP, trim: the value part of §3.4.2. */
function relaxValue(value: ByteString): ByteString {
  const unfolded = value.replace(/\r\n/g, '').replace(/[ \t]+/g, ' ');
  const start = unfolded.startsWith(' ') ? 1 : 0;
  const end = unfolded.endsWith(' ') && unfolded.length > start ? unfolded.length - 1 : unfolded.length;
  return unfolded.slice(start, end);
}

/** WSP removed from the end, by a loop: `/[ \t]+$/` rescans a long run once per start position. */
function trimWspEnd(text: ByteString): ByteString {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return text.slice(0, end);
}

/**
 * ASCII-only lower case: a byte string's 8-bit characters are bytes, not Latin-1 letters, and
 * `toLowerCase()` would change 0xC0 into 0xE0.
 */
function lowerAscii(text: ByteString): ByteString {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/**
 * The body as signed: canonicalised, then cut to `l=` bytes when given (RFC 6376 §3.4.5: the
 * length counts canonicalised bytes). `undefined` when `l=` is longer than the canonical body.
 */
export function canonicalizeBody(body: ByteString, mode: Canonicalization, length: number | null = null): ByteString | undefined {
  const canonical = mode === 'simple' ? simpleBody(body) : relaxedBody(body);
  if (length === null) return canonical;
  return length > canonical.length ? undefined : canonical.slice(0, length);
}

/** RFC 6376 §3.4.3: drop empty lines at the end; an empty body (or none) becomes one CRLF. */
function simpleBody(body: ByteString): ByteString {
  const trimmed = withoutTrailingEmptyLines(body);
  if (trimmed === '') return CRLF;
  return trimmed.endsWith(CRLF) ? trimmed : trimmed + CRLF;
}

/**
 * RFC 6376 §3.4.4: drop WSP at line ends, reduce WSP runs to one SP, drop empty lines at the
 * end. An empty body stays empty (§3.4.4 says so, unlike simple); a body that does not end in
 * CRLF gets one, as §3.4.3 does and every verifier does for relaxed too.
 */
function relaxedBody(body: ByteString): ByteString {
  // Reduce runs first, so the line-end pass looks at one SP, never a long run. Only runs that
  // change are matched (a tab, or two or more WSP): a lone space between words, by far the most
  // common, stays untouched, which makes a 1 MB body several times faster to canonicalise.
  const reduced = body.replace(/(?: [ \t]|\t)[ \t]*/g, ' ').replace(/ \r\n/g, CRLF);
  const noFinalSpace = reduced.endsWith(' ') ? reduced.slice(0, -1) : reduced;
  const trimmed = withoutTrailingEmptyLines(noFinalSpace);
  if (trimmed === '') return '';
  return trimmed.endsWith(CRLF) ? trimmed : trimmed + CRLF;
}

/** The body without the CRLFs of empty lines at its end (the CRLF that ends the last line stays). */
function withoutTrailingEmptyLines(body: ByteString): ByteString {
  let end = body.length;
  while (end >= 2 && body.charCodeAt(end - 1) === 10 && body.charCodeAt(end - 2) === 13) end -= 2;
  // `end` now sits after the last character that is not part of a trailing CRLF run.
  if (end === 0) return '';
  return end + 2 <= body.length ? body.slice(0, end + 2) : body.slice(0, end);
}
