/**
 * TXT: one or more character-strings (RFC 1035 §3.3.14), kept as a list of strings. A mail
 * diagnostic reads them joined without spaces (RFC 7208 §3.3).
 *
 * A TXT record with no strings at all (RDLENGTH 0) breaks §3.3.14's "one or more", but it is
 * still a well-formed message: that record alone is left out, the others kept (the RFC 7208
 * suite's "null-text" case: an SPF record beside it is still evaluated). A string that runs
 * past RDLENGTH is a malformed message, as before.
 */
import { JsonAnswerError } from '../json-answer-error';
import { genericRdata } from './generic-rdata';
import { IgnoredRecord, type RecordType } from './record-type';

const EMPTY = new IgnoredRecord('had no strings at all (RDLENGTH 0; RFC 1035 §3.3.14 asks for at least one)');

export const TXT: RecordType<'TXT', string[]> = {
  type: 'TXT',
  number: 16,
  checkRdata: (rdata) => {
    let p = rdata.start;
    while (p < rdata.end) p += 1 + rdata.bytes[p]!;
    if (p !== rdata.end) rdata.malformed('a TXT record whose last string runs past its data length');
  },
  fromWire: (data) => {
    const parts = Array.isArray(data) ? (data as unknown[]) : [data];
    if (parts.length === 0) return EMPTY;
    return parts.map((part) => (typeof part === 'string' ? part : utf8.decode(part as Uint8Array)));
  },
  fromJson: (data) => {
    const raw = genericRdata(data);
    if (raw) return raw.length === 0 ? EMPTY : stringsOf(raw);
    // Google writes the strings joined, unquoted: "" is a record with no text, and cannot say
    // whether it held no string or one empty one; either way it says nothing.
    if (data === '') return EMPTY;
    return parseTxt(data);
  },
  present: (strings) => strings.map(quoted).join(' '),
  value: (strings) => strings.join(''),
};

const utf8 = new TextDecoder();

/**
 * TXT data comes quoted from Cloudflare (`"v=spf1 " "-all"`, with `\"` and `\DDD` escapes) and
 * unquoted from Google (the strings already joined). Both give back the list of strings.
 */
export function parseTxt(data: string): string[] {
  if (!data.startsWith('"')) return [data];
  const strings: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] === ' ') {
      i++;
      continue;
    }
    if (data[i] !== '"') throw new JsonAnswerError('unreadable TXT data');
    const bytes: number[] = [];
    i++;
    while (i < data.length && data[i] !== '"') {
      if (data[i] === '\\') {
        // RFC 1035 §5.1: \DDD is a byte in decimal; any other \X is X itself.
        const digits = /^\d{3}/.exec(data.slice(i + 1, i + 4));
        if (digits) {
          bytes.push(Number(digits[0]) & 0xff);
          i += 4;
          continue;
        }
        i++;
      }
      const code = data.codePointAt(i) ?? 0;
      const char = String.fromCodePoint(code);
      bytes.push(...new TextEncoder().encode(char));
      i += char.length;
    }
    if (data[i] !== '"') throw new JsonAnswerError('unterminated TXT string');
    i++;
    strings.push(utf8.decode(new Uint8Array(bytes)));
  }
  return strings;
}

/** The character-strings of raw TXT RDATA; they must fill it exactly, as on the wire. */
function stringsOf(raw: Uint8Array): string[] {
  const strings: string[] = [];
  let p = 0;
  while (p < raw.length) {
    const end = p + 1 + raw[p]!;
    if (end > raw.length) throw new JsonAnswerError('TXT data whose last string runs past its length');
    strings.push(utf8.decode(raw.subarray(p + 1, end)));
    p = end;
  }
  return strings;
}

/** A character-string as a zone file writes it: quoted, `"` and `\` escaped, other bytes outside printable ASCII as \DDD (RFC 1035 §5.1). */
function quoted(text: string): string {
  let out = '"';
  for (const byte of new TextEncoder().encode(text)) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${String(byte).padStart(3, '0')}`;
  }
  return `${out}"`;
}
