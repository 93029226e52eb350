/**
 * A message's MIME tree, flattened to its leaf parts in order, each with its own header, its
 * content type and its body decoded (RFC 2045, RFC 2046). Bounded: multiparts nest at most
 * MIME_LIMITS.maxDepth levels and at most MIME_LIMITS.maxParts leaves are kept; a multipart
 * deeper than that, or without a usable boundary, is kept as one leaf. message/rfc822 parts are
 * leaves too: the message inside is the caller's to read (a bounce's original).
 * What was odd is said in `notes`; never throws.
 */
import type { ByteString, HeaderField } from '../types';
import { parseContentType, type ContentType } from './content-type';
import { MIME_LIMITS } from './mime-limits';
import { fieldValue, readPartHead } from './part-headers';
import { splitMultipart } from './split-multipart';
import { decodeTransferEncoding } from './transfer-encoding';

export interface MimeLeaf {
  /** Where it sits, numbered like IMAP sections: "1", "2.1". */
  path: string;
  /** Multipart levels above it: 0 for a message that is not multipart. */
  depth: number;
  contentType: ContentType;
  headers: HeaderField[];
  /** The body with its transfer encoding undone, at most MIME_LIMITS.maxPartBytes. */
  body: ByteString;
}

export interface MimeWalk {
  leaves: MimeLeaf[];
  notes: string[];
}

export function walkMime(headers: readonly HeaderField[], body: ByteString): MimeWalk {
  const walk: MimeWalk = { leaves: [], notes: [] };
  visit(walk, [...headers], body, '', 0);
  return walk;
}

function note(walk: MimeWalk, sentence: string): void {
  if (!walk.notes.includes(sentence) && walk.notes.length < 20) walk.notes.push(sentence);
}

function visit(walk: MimeWalk, headers: HeaderField[], body: ByteString, path: string, depth: number): void {
  if (walk.leaves.length >= MIME_LIMITS.maxParts) {
    note(walk, `Only the first ${MIME_LIMITS.maxParts} parts were read.`);
    return;
  }
  const contentType = parseContentType(fieldValue(headers, 'content-type'));
  if (contentType.type === 'multipart') {
    const boundary = contentType.params.get('boundary') ?? '';
    if (boundary === '' || boundary.length > MIME_LIMITS.maxBoundaryLength) {
      note(walk, 'A multipart part has no usable boundary parameter (RFC 2046 §5.1.1); it was read as one part.');
    } else if (depth >= MIME_LIMITS.maxDepth) {
      note(walk, `Multiparts nested deeper than ${MIME_LIMITS.maxDepth} levels were not opened.`);
    } else {
      readMultipart(walk, body, boundary, path, depth);
      return;
    }
  }
  const decoded = decodeTransferEncoding(body, fieldValue(headers, 'content-transfer-encoding'));
  if (decoded.problem) note(walk, decoded.problem);
  walk.leaves.push({ path: path === '' ? '1' : path, depth, contentType, headers, body: decoded.bytes });
}

function readMultipart(walk: MimeWalk, body: ByteString, boundary: string, path: string, depth: number): void {
  const split = splitMultipart(body, boundary);
  if (split.parts.length === 0) {
    note(walk, 'A multipart body has no part delimited by its boundary (RFC 2046 §5.1.1).');
    return;
  }
  if (!split.closed) note(walk, 'A multipart body ends without its closing boundary (RFC 2046 §5.1.1); its last part was read to the end.');
  if (split.truncated) note(walk, `Only the first ${MIME_LIMITS.maxParts} parts of a multipart were read.`);
  split.parts.forEach((raw, index) => {
    const head = readPartHead(raw);
    visit(walk, head.headers, head.body, path === '' ? String(index + 1) : `${path}.${index + 1}`, depth + 1);
  });
}
