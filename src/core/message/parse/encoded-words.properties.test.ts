import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEncodedWords } from './encoded-words';
import { displayText } from './display-text';

// Header text is the sender's: whatever it holds, decoding never throws, and text without
// "=?" comes back as it was.
const piece = fc.oneof(
  fc.string(),
  fc.constantFrom('=?', '?=', '=?utf-8?B?', '=?utf-8?Q?', '=?iso-8859-1?q?=E9?=', '=?utf-8?b?w6k?=', ' ', '\r\n ', '_', '=C3', '*', '?'),
);
const headerText = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('encoded-words, any text', () => {
  it('never throw, and leave text without "=?" alone', () => {
    fc.assert(
      fc.property(headerText, (text) => {
        const decoded = decodeEncodedWords(text);
        expect(typeof decoded).toBe('string');
        if (!text.includes('=?')) expect(decoded).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('displayText never throws on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(typeof displayText(String.fromCharCode(...bytes))).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
