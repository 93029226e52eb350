import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMessage } from '../parse/read-message';
import { parseArcAuthenticationResults, parseAuthenticationResults } from './auth-results';
import { parseReceivedSpf } from './received-spf';
import { arcAuthResults, receiverClaims } from './receiver-claims';

// Authentication-Results and Received-SPF are text anyone on the path (or the sender) can
// write: reading them never throws, and the property maps stay plain data.
const piece = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'i=1;',
    'mx.example.net',
    ';',
    '=',
    '/',
    '(',
    ')',
    '"',
    '\\',
    'dkim',
    'spf',
    'pass',
    'none',
    'reason',
    'header.d',
    'client-ip',
    '__proto__',
    ' ',
  ),
);
const value = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));

describe('receiver claims, any text', () => {
  it('the parsers never throw', () => {
    fc.assert(
      fc.property(value, (text) => {
        for (const entry of parseAuthenticationResults(text).results) expect(Object.getPrototypeOf(entry.properties)).toBe(Object.prototype);
        parseArcAuthenticationResults(text);
        expect(Object.getPrototypeOf(parseReceivedSpf(text).pairs)).toBe(Object.prototype);
      }),
      { numRuns: 500 },
    );
  });

  it('receiverClaims and arcAuthResults never throw on any bytes', () => {
    fc.assert(
      fc.property(value, fc.uint8Array({ maxLength: 80 }), (text, bytes) => {
        const body = `${text}${String.fromCharCode(...bytes)}`.replace(/[\r\n]/g, ' ');
        const message = readMessage(`Authentication-Results: ${body}\r\nARC-Authentication-Results: ${body}\r\nReceived-SPF: ${body}\r\n\r\n`);
        const claims = receiverClaims(message);
        expect(typeof claims.properties).toBe('object');
        arcAuthResults(message);
      }),
      { numRuns: 300 },
    );
  });
});
