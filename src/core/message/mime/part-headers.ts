/**
 * One MIME part's own header block and body (RFC 2045 §3, RFC 2046 §5.1.1: a body part is
 * header fields, an empty line, then its body). Deliberately small: a part's header only needs
 * its Content-* fields read, and a part that starts with an empty line has no header at all
 * (its type defaults to text/plain). Bounded by MIME_LIMITS; never throws.
 */
import type { ByteString, HeaderField } from '../types';
import { MIME_LIMITS } from './mime-limits';

export interface PartHead {
  headers: HeaderField[];
  /** The part's body, after the empty line; the whole input when it has no header block. */
  body: ByteString;
}

/** RFC 5322 §3.6.8: field names are printable ASCII except the colon. */
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]{1,100}$/;

export function readPartHead(raw: ByteString): PartHead {
  const headers: HeaderField[] = [];
  let pos = 0;
  while (pos < raw.length && pos < MIME_LIMITS.maxHeaderBytes) {
    const { line, next } = lineAt(raw, pos);
    if (line === '') return { headers, body: raw.slice(next) };
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trimEnd() : '';
    if (!FIELD_NAME.test(name)) break;
    // RFC 5322 §2.2.3: a line starting with white space continues the field (folding).
    let end = next;
    let rawField = line;
    while (end < raw.length) {
      const following = lineAt(raw, end);
      if (!(following.line.startsWith(' ') || following.line.startsWith('\t'))) break;
      rawField += '\r\n' + following.line;
      end = following.next;
    }
    if (headers.length < MIME_LIMITS.maxHeaderFields) {
      const value = rawField
        .slice(colon + 1)
        .replace(/\r\n/g, '')
        .trim();
      headers.push({ name, key: name.toLowerCase(), raw: rawField, value });
    }
    pos = end;
  }
  // No empty line where the header block should end (a line that is no field, the size limit,
  // or the end): what follows the fields read is body; with no field at all, everything is.
  return headers.length === 0 ? { headers, body: raw } : { headers, body: raw.slice(pos) };
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
