import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMailDate } from './mail-date';

// A date in a header is the sender's text: any of it reads to a finite time or to null, never
// to an exception or NaN.
const piece = fc.oneof(fc.string(), fc.constantFrom('Mon,', '7', 'Dec', '2026', '13:05:00', '+0000', '(', ')', 'PDT', ' ', '-', '\\'));
const dateText = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(' '));

describe('mail dates, any text', () => {
  it('never throw, and read to a finite number or null', () => {
    fc.assert(
      fc.property(dateText, (text) => {
        const time = parseMailDate(text);
        if (time !== null) expect(Number.isFinite(time)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trip any time written in RFC 5322 form', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const seconds = Math.floor(ms / 1000) * 1000;
        const text = new Date(seconds).toUTCString().replace('GMT', '+0000');
        expect(parseMailDate(text)).toBe(seconds);
      }),
      { numRuns: 300 },
    );
  });
});
