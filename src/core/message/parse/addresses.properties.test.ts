import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDomain, returnPath, subjectText } from './addresses';
import { readMessage } from './read-message';

// Address fields are the sender's bytes: any of them read to a domain or a sentence, never to
// an exception.
const piece = fc.oneof(
  fc.string(),
  fc.constantFrom('From: ', 'Return-Path: ', 'Subject: ', '\r\n', '<', '>', '@', ',', ';', ':', '"', '(', ')', '[', ']', '\\', 'example.com', ' '),
);
const header = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));

describe('address fields, any bytes', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 64 }), (text, bytes) => {
        for (const input of [text, `From: ${String.fromCharCode(...bytes)}`]) {
          const message = readMessage(input);
          const from = fromDomain(message);
          expect(from.domain === null).toBe(from.problem !== null);
          returnPath(message);
          subjectText(message);
        }
      }),
      { numRuns: 400 },
    );
  });
});
