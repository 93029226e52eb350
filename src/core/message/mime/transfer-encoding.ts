/**
 * Undo a part's Content-Transfer-Encoding (RFC 2045 §6): base64 and quoted-printable decode;
 * 7bit, 8bit and binary are identity encodings (§6.2). An unknown encoding leaves the body as
 * it is, with a sentence. Output is capped at `maxBytes`; never throws.
 */
import type { ByteString } from '../types';
import { decodeBase64, type Decoded } from './base64';
import { MIME_LIMITS } from './mime-limits';
import { decodeQuotedPrintable } from './quoted-printable';

export type { Decoded } from './base64';

export function decodeTransferEncoding(body: ByteString, encoding: string | null, maxBytes: number = MIME_LIMITS.maxPartBytes): Decoded {
  const name = (encoding ?? '7bit').trim().toLowerCase();
  if (name === 'base64') return decodeBase64(body, maxBytes);
  if (name === 'quoted-printable') return { bytes: decodeQuotedPrintable(body, maxBytes), problem: null };
  const bytes = body.slice(0, maxBytes);
  if (name === '7bit' || name === '8bit' || name === 'binary' || name === '') return { bytes, problem: null };
  return { bytes, problem: `A part uses the transfer encoding "${name.slice(0, 40)}", which MXray does not decode; it was read as it is.` };
}
