/**
 * A header value as people read it: the bytes as UTF-8 (RFC 6532 allows UTF-8 in headers;
 * other 8-bit bytes show as U+FFFD rather than failing), then RFC 2047 encoded-words decoded.
 * Escaping what cannot be shown safely (bidi, zero-width, control characters) is the shell's job.
 */
import type { ByteString } from '../types';
import { utf8Text } from './byte-string';
import { decodeEncodedWords } from './encoded-words';

export function displayText(value: ByteString): string {
  return decodeEncodedWords(utf8Text(value));
}
