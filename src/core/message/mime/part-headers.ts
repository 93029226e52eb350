/**
 * One MIME part's own header block and body (RFC 2045 §3, RFC 2046 §5.1.1: a body part is
 * header fields, an empty line, then its body), read by the same field reader as a message's
 * header. A part that starts with an empty line has no header at all (its type defaults to
 * text/plain). Bounded by MIME_LIMITS; never throws.
 */
import type { ByteString, HeaderField } from '../types';
import { readHeaderFields } from '../parse/header-fields';
import { MIME_LIMITS } from './mime-limits';

export interface PartHead {
  headers: HeaderField[];
  /** The part's body, after the empty line; the whole input when it has no header block. */
  body: ByteString;
}

export function readPartHead(raw: ByteString): PartHead {
  // A part of a message read by readMessage() has CRLF line ends already; a pasted bounce may not.
  const text = /(^|[^\r])\n/.test(raw.slice(0, MIME_LIMITS.maxHeaderBytes)) ? raw.replace(/\r?\n/g, '\r\n') : raw;
  const fields = readHeaderFields(text, { maxBytes: MIME_LIMITS.maxHeaderBytes, maxFields: MIME_LIMITS.maxHeaderFields });
  // No empty line where the header block should end (a line that is no field, the size limit,
  // or the end): what follows the fields read is body; with no field at all, everything is.
  if (fields.headers.length === 0 && fields.stop !== 'blank') return { headers: [], body: text };
  return { headers: fields.headers, body: text.slice(fields.bodyStart) };
}

/** The line starting at `pos`, without its line end (CRLF or a bare LF), and where the next starts. */
export function lineAt(text: string, pos: number): { line: string; next: number } {
  const lf = text.indexOf('\n', pos);
  const end = lf < 0 ? text.length : lf;
  const line = text.slice(pos, end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
  return { line, next: lf < 0 ? text.length : lf + 1 };
}

/** The value of the first field named `key` (lower case), or null. */
export function fieldValue(headers: readonly HeaderField[], key: string): string | null {
  for (const field of headers) if (field.key === key) return field.value;
  return null;
}
