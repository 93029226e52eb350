/**
 * Byte strings: a JS string whose every character is one byte (0-255). DKIM signs the bytes of
 * the message as they were on the wire, 8-bit header bytes and all, so the message is kept in
 * this form from the moment it is read; text for people is decoded from it (`utf8Text`), never
 * the other way round. A string is used rather than a Uint8Array because header work is
 * string work (search, split, regular expressions), and a one-byte-per-character string costs
 * V8 one byte per character.
 */
import type { ByteString } from '../types';

/** Characters per `String.fromCharCode` call: well under every engine's argument limit. */
const CHUNK = 8192;

/** Bytes as a byte string. Text (a pasted message) is taken as UTF-8, as a mail client would send it. */
export function byteString(input: Uint8Array | string): ByteString {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(start, start + CHUNK) as unknown as number[]));
  }
  return parts.join('');
}

/** The bytes of a byte string (characters above 255 cannot occur in one; they are cut to 8 bits). */
export function bytesOf(text: ByteString): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index) & 0xff;
  return bytes;
}

/** The text of a byte string read as UTF-8; bytes that are not UTF-8 become U+FFFD, never an error. */
export function utf8Text(text: ByteString): string {
  // Plain ASCII is already its own text: skip the copy for the common case.
  if (!/[\x80-\xff]/.test(text)) return text;
  return new TextDecoder('utf-8', { fatal: false }).decode(bytesOf(text));
}
