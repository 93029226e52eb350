/**
 * Quoted-printable content-transfer-encoding (RFC 2045 §6.7): `=XX` is a byte, `=` at the end
 * of a line is a soft line break, and white space at the end of a line was added in transport
 * and is removed (rule 3). An `=` not followed by two hex digits is kept as it is, as §6.7 asks
 * of robust decoders. Output lines end in CRLF; linear; never throws.
 */
import type { ByteString } from '../types';

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87; // lower case: not canonical, seen in the wild
  return -1;
}

export function decodeQuotedPrintable(body: ByteString, maxBytes: number): ByteString {
  const chunks: string[] = [];
  let size = 0;
  let pos = 0;
  while (pos <= body.length && size < maxBytes) {
    const lf = body.indexOf('\n', pos);
    const end = lf < 0 ? body.length : lf;
    let line = body.slice(pos, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    line = trimTransportPadding(line);
    const soft = line.endsWith('=');
    if (soft) line = line.slice(0, -1);
    const decoded = decodeLine(line);
    chunks.push(decoded);
    size += decoded.length;
    if (lf < 0) break;
    if (!soft) {
      chunks.push('\r\n');
      size += 2;
    }
    pos = lf + 1;
  }
  return chunks.join('').slice(0, maxBytes);
}

/** Trailing spaces and tabs, by hand: `/[ \t]+$/` is quadratic on a long run of blanks. */
function trimTransportPadding(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return end === line.length ? line : line.slice(0, end);
}

function decodeLine(line: string): string {
  if (!line.includes('=')) return line;
  let out = '';
  let start = 0;
  for (let i = line.indexOf('='); i >= 0 && i < line.length; i = line.indexOf('=', i + 1)) {
    const high = hexValue(line.charCodeAt(i + 1));
    const low = hexValue(line.charCodeAt(i + 2));
    if (high < 0 || low < 0) continue;
    out += line.slice(start, i) + String.fromCharCode(high * 16 + low);
    start = i + 3;
    i += 2;
  }
  return out + line.slice(start);
}
