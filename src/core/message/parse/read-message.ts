/**
 * readMessage(): a message, a header block alone or any pasted text, read into header fields
 * and a body (RFC 5322 §2.1-2.2). Never throws and never refuses: whatever was given is read as
 * far as it goes, and what was odd is said in `notes`. Whether the result is a message at all
 * is the caller's question (explain-message.ts).
 *
 * Bounds, so a hostile or huge input costs bounded time and memory: the shells read at most
 * MAX_MESSAGE_BYTES (and pass the real size); the header is read up to MAX_HEADER_BYTES and
 * MAX_HEADER_FIELDS, far beyond any real message (a few KB, a few dozen fields).
 */
import { trimSpace } from '../../text/trim-space';
import type { ByteString, HeaderField, ParsedMessage } from '../types';

/** The shells read at most this much of a file; the body of a larger message is cut (its hash cannot be checked). */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
/** A header longer than this is cut: real ones are a few KB, 5,000 Received lines are about 1 MB. */
export const MAX_HEADER_BYTES = 2 * 1024 * 1024;
export const MAX_HEADER_FIELDS = 10_000;

/** RFC 5322 §2.2: a field name is printable US-ASCII except the colon. */
const FIELD_START = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;
/** An mbox separator line ("From sender@example.com Mon Dec  7 13:05:00 2026") some saved files start with. */
const MBOX_FROM = /^From [^\r\n]*\r\n/;

export interface ReadOptions {
  /** The input's real size in bytes when only its first part was read (a file over MAX_MESSAGE_BYTES). */
  size?: number;
}

export function readMessage(input: ByteString, options: ReadOptions = {}): ParsedMessage {
  const notes: string[] = [];
  const size = Math.max(options.size ?? input.length, input.length);
  let text = input.length > MAX_MESSAGE_BYTES ? input.slice(0, MAX_MESSAGE_BYTES) : input;
  const cut = size > text.length;
  if (cut) notes.push(`The message is ${megabytes(size)}; MXray read its first ${megabytes(text.length)}: the header is checked, the body hash is not.`);

  // Mail is sent with CRLF line ends, and DKIM signs them; files saved by mail clients often
  // have bare LF. They are read as the CRLF they were on the wire (as verifiers do).
  if (/(^|[^\r])\n/.test(text)) {
    text = text.replace(/\r?\n/g, '\r\n');
    notes.push('The message has bare LF line ends (as many mail clients save it); MXray read them as the CRLF they were on the wire.');
  }
  // Pasted text often starts with blank lines or indentation.
  text = text.replace(/^[ \t]*(\r\n[ \t]*)*(?=\S)/, '');
  if (MBOX_FROM.test(text)) {
    text = text.replace(MBOX_FROM, '');
    notes.push('The first line is an mbox "From " separator, not a header field; MXray skipped it.');
  }

  const headers: HeaderField[] = [];
  let position = 0;
  let body: ByteString | null = null;
  let stoppedEarly = false;
  while (position < text.length) {
    const end = lineEnd(text, position);
    if (end === position) {
      // The empty line: the body follows (RFC 5322 §2.1).
      body = text.slice(Math.min(text.length, position + 2));
      break;
    }
    const line = text.slice(position, end);
    const start = FIELD_START.exec(line);
    if (!start) {
      if (headers.length > 0)
        notes.push(`Line ${lineNumber(text, position)} is not a header field and no empty line came before it; MXray read the rest as the body.`);
      body = text.slice(position);
      break;
    }
    if (position >= MAX_HEADER_BYTES || headers.length >= MAX_HEADER_FIELDS) {
      stoppedEarly = true;
      break;
    }
    // Folded lines (starting with a space or tab) continue the field (RFC 5322 §2.2.3).
    let fieldEnd = end;
    while (fieldEnd + 2 < text.length && (text[fieldEnd + 2] === ' ' || text[fieldEnd + 2] === '\t')) fieldEnd = lineEnd(text, fieldEnd + 2);
    const raw = text.slice(position, fieldEnd);
    const name = start[1]!;
    const value = trimSpace(raw.slice(raw.indexOf(':') + 1).replace(/\r\n/g, ''));
    headers.push({ name, key: name.toLowerCase(), raw, value });
    position = fieldEnd + 2;
  }
  if (stoppedEarly)
    notes.push(
      `The header is larger than any real message's (over ${headers.length.toLocaleString('en')} fields or ${megabytes(MAX_HEADER_BYTES)}); MXray read the first ${headers.length.toLocaleString('en')} fields.`,
    );
  if (headers.some((field) => /[\x80-\xff]/.test(field.raw)))
    notes.push('The header has 8-bit bytes (raw UTF-8 or another character set, RFC 6532); they are shown as UTF-8.');

  // A pasted header block often ends with a blank line and nothing after it. That is no body to
  // hash: read as "header only", so a signature is never failed (or passed) on a body nobody gave.
  if (body !== null && headers.length > 0 && /^[\r\n \t]*$/.test(body)) {
    body = null;
    notes.push('Only the header was given: signatures are checked, body hashes are not.');
  }
  if (body === null && headers.length > 0 && !notes.some((note) => note.startsWith('Only the header'))) {
    notes.push('Only the header was given (no empty line and body after it): signatures are checked, body hashes are not.');
  }
  return { headers, body, bodyTruncated: cut && body !== null, size, notes };
}

/** The index of the CRLF that ends the line starting at `from` (or the end of the text). */
function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\r\n', from);
  return end < 0 ? text.length : end;
}

function lineNumber(text: string, position: number): number {
  let count = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < position; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
