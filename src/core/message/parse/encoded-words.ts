/**
 * RFC 2047 encoded-words (`=?utf-8?Q?Caf=C3=A9?=`), decoded for people. Mail clients write
 * them in Subject, display names and comments; a header that shows `=?utf-8?B?...?=` reads as
 * noise. Lenient where senders are sloppy (missing base64 padding, encoded-words not set apart
 * by spaces, a character split across two words), strict where guessing would mislead: a word
 * that does not decode, or a charset this runtime cannot read, stays as it was written.
 */
import { decodeBase64 } from '../../mail/dkim/base64';

/**
 * `=?charset[*language]?B|Q?text?=` (RFC 2047 §2, RFC 2231 §5 for the language). Each class
 * stops at "?" or white space, so a failed match costs at most the run up to the next "?".
 */
const ENCODED_WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([BbQq])\?([^?\s]*)\?=/g;
/** RFC 2047 §6.2: white space between two adjacent encoded-words is not shown. */
const ONLY_SPACE = /^[ \t\r\n]*$/;

interface Decoded {
  start: number;
  end: number;
  charset: string;
  bytes: Uint8Array;
}

export function decodeEncodedWords(text: string): string {
  if (!text.includes('=?')) return text;
  const words: Decoded[] = [];
  for (const match of text.matchAll(ENCODED_WORD)) {
    const bytes = decodeWordBytes(match[2]!, match[3]!);
    const charset = match[1]!.toLowerCase();
    if (bytes === undefined || decoderFor(charset) === undefined) continue; // stays literal
    words.push({ start: match.index, end: match.index + match[0].length, charset, bytes });
  }
  if (words.length === 0) return text;

  let result = '';
  let position = 0;
  let index = 0;
  while (index < words.length) {
    // A run of adjacent words in one charset is decoded as one byte sequence, so a UTF-8
    // character some senders split across two words comes out whole.
    const first = words[index]!;
    const run = [first];
    while (index + run.length < words.length) {
      const next = words[index + run.length]!;
      if (next.charset !== first.charset || !ONLY_SPACE.test(text.slice(run.at(-1)!.end, next.start))) break;
      run.push(next);
    }
    // RFC 2047 §6.2: the white space between two encoded-words is not shown, whatever their charsets.
    const gap = text.slice(position, first.start);
    result += index > 0 && ONLY_SPACE.test(gap) ? '' : gap;
    result += decoderFor(first.charset)!.decode(concat(run.map((word) => word.bytes)));
    position = run.at(-1)!.end;
    index += run.length;
  }
  return result + text.slice(position);
}

/** The bytes of the encoded text, or undefined when it does not decode. */
function decodeWordBytes(encoding: string, encoded: string): Uint8Array | undefined {
  if (encoding === 'B' || encoding === 'b') {
    // RFC 2047 §4.1 wants padding; many senders leave it off, and the data is still plain.
    const padded = encoded.length % 4 === 0 ? encoded : encoded + '='.repeat(4 - (encoded.length % 4));
    return encoded.length % 4 === 1 ? undefined : decodeBase64(padded);
  }
  return decodeQ(encoded);
}

/** RFC 2047 §4.2: "_" is a space, "=XX" a byte in hex, anything else itself. */
function decodeQ(encoded: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (let index = 0; index < encoded.length; index++) {
    const char = encoded[index]!;
    if (char === '_') bytes.push(0x20);
    else if (char === '=') {
      const hex = encoded.slice(index + 1, index + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      const code = char.charCodeAt(0);
      if (code > 0x7e) return undefined; // not ASCII: not an encoded-word after all
      bytes.push(code);
    }
  }
  return Uint8Array.from(bytes);
}

interface Decoder {
  decode(bytes: Uint8Array): string;
}

/**
 * windows-1252 by hand: the Encoding Standard reads `us-ascii`, `iso-8859-1` and `latin1` as
 * windows-1252 (what senders of those labels mean in practice), but Node 20's TextDecoder reads
 * 0x80-0x9F as C1 controls; the CLI and the browser must show the same text.
 */
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const WINDOWS_1252: Decoder = {
  decode: (bytes) => {
    let text = '';
    for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_80_9F[byte - 0x80] : String.fromCharCode(byte);
    return text;
  },
};

const decoders = new Map<string, Decoder | null>();

/** A decoder for the charset, or undefined for one the runtime does not know (the word stays as written). */
function decoderFor(charset: string): Decoder | undefined {
  let decoder = decoders.get(charset);
  if (decoder === undefined) {
    try {
      const native = new TextDecoder(charset, { fatal: false });
      decoder = native.encoding === 'windows-1252' ? WINDOWS_1252 : native;
    } catch {
      decoder = null; // RangeError: a label no encoding has
    }
    // Labels are the sender's: remember a bounded number of them.
    if (decoders.size < 64) decoders.set(charset, decoder);
  }
  return decoder ?? undefined;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}
