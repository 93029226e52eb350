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
import type { ByteString, ParsedMessage } from '../types';
import { readHeaderFields } from './header-fields';

/** The shells read at most this much of a file; the body of a larger message is cut (its hash cannot be checked). */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
/** A header longer than this is cut: real ones are a few KB, 5,000 Received lines are about 1 MB. */
export const MAX_HEADER_BYTES = 2 * 1024 * 1024;
export const MAX_HEADER_FIELDS = 10_000;

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

  const fields = readHeaderFields(text, { maxBytes: MAX_HEADER_BYTES, maxFields: MAX_HEADER_FIELDS });
  const headers = fields.headers;
  let body: ByteString | null = null;
  if (fields.stop === 'blank' || fields.stop === 'non-field') body = text.slice(fields.bodyStart);
  if (fields.stop === 'non-field' && headers.length > 0)
    notes.push(`Line ${lineNumber(text, fields.bodyStart)} is not a header field and no empty line came before it; MXray read the rest as the body.`);
  if (fields.stop === 'limit')
    notes.push(
      `The header is larger than any real message's (over ${headers.length.toLocaleString('en')} fields or ${megabytes(MAX_HEADER_BYTES)}); MXray read the first ${headers.length.toLocaleString('en')} fields and not the body.`,
    );
  if (headers.some((field) => /[\x80-\xff]/.test(field.raw)))
    notes.push('The header has 8-bit bytes (raw UTF-8 or another character set, RFC 6532); they are shown as UTF-8.');

  // A pasted header block often ends with a blank line and nothing after it. That is no body to
  // hash: read as "header only", so a signature is never failed (or passed) on a body nobody gave.
  if (body !== null && headers.length > 0 && /^[\r\n \t]*$/.test(body)) {
    body = null;
    notes.push('Only the header was given: signatures are checked, body hashes are not.');
  }
  if (body === null && fields.stop === 'end' && headers.length > 0 && !notes.some((note) => note.startsWith('Only the header'))) {
    notes.push('Only the header was given (no empty line and body after it): signatures are checked, body hashes are not.');
  }
  return { headers, body, bodyTruncated: cut && body !== null, size, notes };
}

function lineNumber(text: string, position: number): number {
  let count = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < position; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
