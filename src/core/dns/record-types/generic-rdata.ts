/**
 * RFC 3597 §5: any record's data may be written `\# <length> <hex>`, the raw RDATA. A JSON API
 * answer uses it for types its resolver does not know how to present.
 */
import { JsonAnswerError } from '../json-answer-error';

/** The raw RDATA of a `\#` string, or undefined when `data` is not in the generic form. */
export function genericRdata(data: string): Uint8Array | undefined {
  const match = /^\s*\\#\s+(\d{1,5})((?:\s+[0-9a-fA-F]+)*)\s*$/.exec(data);
  if (!match) {
    if (/^\s*\\#/.test(data)) throw new JsonAnswerError(`unreadable generic record data "${data.slice(0, 60)}"`);
    return undefined;
  }
  const bytes = hexBytes(match[2]!);
  if (bytes === undefined || bytes.length !== Number(match[1])) throw new JsonAnswerError(`generic record data whose length is not ${match[1]} bytes`);
  return bytes;
}

/** Hex digits (white space between them allowed, RFC 6698 §2.2) as bytes; undefined for an odd count or a non-hex digit. */
export function hexBytes(text: string): Uint8Array | undefined {
  const digits = text.replace(/\s+/g, '');
  if (digits.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(digits)) return undefined;
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** Bytes as lower-case hex, two digits a byte. */
export function bytesHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
