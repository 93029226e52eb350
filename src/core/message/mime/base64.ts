/**
 * Base64 content-transfer-encoding (RFC 2045 §6.8), tolerant the way the RFC asks: line breaks
 * and other characters outside the alphabet are skipped. A body that is mostly not base64, or
 * that stops in the middle of a byte, "does not decode": the caller gets a sentence, not an
 * exception (issue #22, "base64 that does not decode").
 */
import type { ByteString } from '../types';

export interface Decoded {
  bytes: ByteString;
  /** What was wrong, as a sentence; null when the body decoded cleanly. */
  problem: string | null;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

export function decodeBase64(body: ByteString, maxBytes: number): Decoded {
  const out = new Uint8Array(Math.min(maxBytes, Math.ceil((body.length * 3) / 4)));
  let length = 0;
  let bits = 0;
  let count = 0;
  let valid = 0;
  let foreign = 0;
  let afterPadding = 0;
  let padded = false;
  for (let i = 0; i < body.length && length < out.length; i++) {
    const code = body.charCodeAt(i);
    if (isSpace(code)) continue;
    if (code === 61 /* = */) {
      padded = true;
      continue;
    }
    const value = code < 256 ? (VALUE[code] ?? -1) : -1;
    if (value < 0) {
      foreign++;
      continue;
    }
    if (padded) afterPadding++;
    valid++;
    bits = (bits << 6) | value;
    count++;
    if (count === 4) {
      out[length++] = (bits >> 16) & 255;
      if (length < out.length) out[length++] = (bits >> 8) & 255;
      if (length < out.length) out[length++] = bits & 255;
      bits = 0;
      count = 0;
    }
  }
  // A final group of 2 or 3 characters still carries 1 or 2 bytes (its padding may be missing).
  if (count === 2 && length < out.length) out[length++] = (bits >> 4) & 255;
  if (count === 3) {
    if (length < out.length) out[length++] = (bits >> 10) & 255;
    if (length < out.length) out[length++] = (bits >> 2) & 255;
  }
  const bytes = toByteString(out, length);
  if (valid + foreign === 0) return { bytes, problem: null };
  if (foreign > valid / 20 || count === 1) {
    return {
      bytes: '',
      problem: `A base64 part does not decode: ${foreign} of its ${valid + foreign} characters are not base64${count === 1 ? ', and it stops in the middle of a byte' : ''} (RFC 2045 §6.8).`,
    };
  }
  if (foreign > 0 || afterPadding > 0) {
    return { bytes, problem: `A base64 part has ${foreign + afterPadding} stray characters; they were skipped (RFC 2045 §6.8).` };
  }
  return { bytes, problem: null };
}

/** Bytes to a byte string, in chunks so a large part does not overflow the argument list. */
export function toByteString(bytes: Uint8Array, length: number = bytes.length): ByteString {
  let text = '';
  for (let i = 0; i < length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, Math.min(length, i + 8192)));
  return text;
}
