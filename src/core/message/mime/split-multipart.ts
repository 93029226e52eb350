/**
 * A multipart body cut at its boundary (RFC 2046 §5.1.1). A delimiter line is "--" boundary,
 * then optional white space (transport padding); the close delimiter adds "--". The line end
 * before a delimiter belongs to the delimiter, not to the part. Text before the first delimiter
 * is the preamble and after the close delimiter the epilogue; both are ignored by readers. A
 * body that ends without the close delimiter keeps its last part (`closed: false`).
 * Linear in the body's length, slices only; never throws.
 */
import type { ByteString } from '../types';
import { MIME_LIMITS } from './mime-limits';
import { lineAt } from './part-headers';

export interface MultipartSplit {
  preamble: ByteString;
  /** Each part as written: its own header block, an empty line, its body. */
  parts: ByteString[];
  epilogue: ByteString;
  /** The close delimiter was found. */
  closed: boolean;
  /** Parts past MIME_LIMITS.maxParts were dropped. */
  truncated: boolean;
}

type Delimiter = 'open' | 'close' | null;

function delimiterKind(line: string, dashBoundary: string): Delimiter {
  if (!line.startsWith(dashBoundary)) return null;
  let rest = line.slice(dashBoundary.length);
  let kind: Delimiter = 'open';
  if (rest.startsWith('--')) {
    kind = 'close';
    rest = rest.slice(2);
  }
  // Only transport padding may follow; "--abc" must not match a longer boundary "--abcd".
  for (let i = 0; i < rest.length; i++) if (rest[i] !== ' ' && rest[i] !== '\t') return null;
  return kind;
}

export function splitMultipart(body: ByteString, boundary: string, maxParts: number = MIME_LIMITS.maxParts): MultipartSplit {
  const result: MultipartSplit = { preamble: body, parts: [], epilogue: '', closed: false, truncated: false };
  if (boundary === '' || boundary.length > MIME_LIMITS.maxBoundaryLength) return result;
  const dashBoundary = '--' + boundary;
  let partStart = -1;
  let pos = 0;
  while (pos < body.length) {
    const lineStart = pos;
    const { line, next } = lineAt(body, pos);
    pos = next;
    const kind = line.length <= dashBoundary.length + 100 ? delimiterKind(line, dashBoundary) : null;
    if (kind === null) continue;
    const contentEnd = endBeforeLineBreak(body, lineStart);
    if (partStart < 0) result.preamble = body.slice(0, contentEnd);
    else if (result.parts.length < maxParts) result.parts.push(body.slice(partStart, contentEnd));
    else result.truncated = true;
    if (kind === 'close') {
      result.closed = true;
      result.epilogue = body.slice(next);
      return result;
    }
    partStart = next;
  }
  // RFC 2046 §5.1.1 requires the close delimiter; a body cut short still has its last part.
  if (partStart >= 0) {
    if (result.parts.length < maxParts) result.parts.push(body.slice(partStart));
    else result.truncated = true;
  }
  return result;
}

/** Where the content before the line at `lineStart` ends: before its CRLF or bare LF. */
function endBeforeLineBreak(body: string, lineStart: number): number {
  if (lineStart === 0) return 0;
  let end = lineStart - 1;
  if (end > 0 && body.charCodeAt(end - 1) === 13) end--;
  return end;
}
