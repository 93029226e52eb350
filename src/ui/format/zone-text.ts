/**
 * DNS data written the way dig and zone files write it (RFC 1035 §5.1): names absolute with a
 * trailing dot, character strings in quotes, and anything unprintable as `\DDD` (decimal bytes
 * of its UTF-8), so a copied record is unambiguous and carries no control characters.
 */

import { escapeUnsafe } from '../../core/text/unsafe-chars';

const encoder = new TextEncoder();

/** Printable ASCII from `lowest` stays (a space is printable in a quoted string, not in a name). */
function escapeBytes(text: string, special: RegExp, lowest: number): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= lowest && code < 0x7f) {
      out += special.test(char) ? `\\${char}` : char;
    } else {
      for (const byte of encoder.encode(char)) out += `\\${String(byte).padStart(3, '0')}`;
    }
  }
  return out;
}

/** `mx.example.com` -> `mx.example.com.`; the root (null MX) is `.`. */
export function zoneName(name: string): string {
  if (name === '' || name === '.') return '.';
  const labels = name.replace(/\.$/, '').split('.');
  return `${labels.map((label) => escapeBytes(label, /["();\\@$]/, 0x21)).join('.')}.`;
}

/** One TXT value as quoted strings of at most 255 octets each (RFC 1035 §3.3.14). */
export function zoneTxt(value: string): string {
  const chunks: string[] = [];
  let chunk = '';
  let octets = 0;
  for (const char of value) {
    const size = encoder.encode(char).length;
    if (octets + size > 255) {
      chunks.push(chunk);
      chunk = '';
      octets = 0;
    }
    chunk += char;
    octets += size;
  }
  chunks.push(chunk);
  return chunks.map((part) => `"${escapeBytes(part, /["\\]/, 0x20)}"`).join(' ');
}

/**
 * Text for a clipboard or a terminal: DNS data may hold control characters (a PTR name can be
 * any bytes), bidi overrides and invisible characters; they are shown as `\u200b` escapes by the
 * one shared rule (src/core/text/unsafe-chars.ts) instead of being passed on raw.
 */
export function visibleText(text: string): string {
  return escapeUnsafe(text);
}
