/**
 * The header fields at the start of a CRLF text (RFC 5322 §2.2): a message's header, or a MIME
 * part's (RFC 2045 §3). One reader for both, so a field reads the same wherever it stands.
 * Bounded by byte and field limits; never throws.
 */
import { trimSpace } from '../../text/trim-space';
import type { ByteString, HeaderField } from '../types';

/** RFC 5322 §2.2: a field name is printable US-ASCII except the colon. */
const FIELD_START = /^([\x21-\x39\x3b-\x7e]{1,200})[ \t]*:/;

export interface HeaderLimits {
  maxBytes: number;
  maxFields: number;
}

export interface HeaderFields {
  headers: HeaderField[];
  /**
   * Why reading stopped: `blank`, the empty line (the body starts at `bodyStart`); `non-field`,
   * a line that is no field (it starts at `bodyStart`); `limit`, a limit was reached; `end`, the
   * text ended.
   */
  stop: 'blank' | 'non-field' | 'limit' | 'end';
  bodyStart: number;
}

export function readHeaderFields(text: ByteString, limits: HeaderLimits): HeaderFields {
  const headers: HeaderField[] = [];
  let position = 0;
  while (position < text.length) {
    const end = lineEnd(text, position);
    // The empty line: the body follows (RFC 5322 §2.1).
    if (end === position) return { headers, stop: 'blank', bodyStart: Math.min(text.length, position + 2) };
    const start = FIELD_START.exec(text.slice(position, Math.min(end, position + 256)));
    if (!start) return { headers, stop: 'non-field', bodyStart: position };
    if (position >= limits.maxBytes || headers.length >= limits.maxFields) return { headers, stop: 'limit', bodyStart: position };
    // Folded lines (starting with a space or tab) continue the field (RFC 5322 §2.2.3).
    let fieldEnd = end;
    while (fieldEnd + 2 < text.length && (text[fieldEnd + 2] === ' ' || text[fieldEnd + 2] === '\t')) fieldEnd = lineEnd(text, fieldEnd + 2);
    const raw = text.slice(position, fieldEnd);
    const name = start[1]!;
    const value = trimSpace(raw.slice(raw.indexOf(':') + 1).replace(/\r\n/g, ''));
    headers.push({ name, key: name.toLowerCase(), raw, value });
    position = fieldEnd + 2;
  }
  return { headers, stop: 'end', bodyStart: text.length };
}

/** The index of the CRLF that ends the line starting at `from` (or the end of the text). */
function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\r\n', from);
  return end < 0 ? text.length : end;
}
