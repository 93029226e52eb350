/**
 * The returned message inside a bounce that is plain text: the servers that do not send RFC
 * 3464 DSNs append the original (or its header) after a fixed line of their own.
 */
import type { ByteString } from '../types';

const MARKERS: readonly (readonly [string, 'message' | 'headers'])[] = [
  ['------ This is a copy of the message, including all the headers. ------', 'message'], // Exim
  ['--- Below this line is a copy of the message.', 'message'], // qmail
  ['----- Original message follows -----', 'message'], // Sendmail
  ['----- Message header follows -----', 'headers'], // Sendmail
  ['Original message headers:', 'headers'], // Microsoft
  ['-- The header and top 20 lines of the message follows --', 'message'],
];

export function originalInText(text: ByteString): { original: ByteString; kind: 'message' | 'headers' } | null {
  for (const [marker, kind] of MARKERS) {
    const at = text.indexOf(marker);
    if (at < 0) continue;
    const rest = text.slice(at + marker.length).replace(/^[^\n]*\n/, '');
    const start = rest.search(/\S/);
    if (start >= 0) return { original: rest.slice(rest.lastIndexOf('\n', start) + 1), kind };
  }
  return null;
}
