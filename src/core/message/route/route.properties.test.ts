import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMessage } from '../parse/read-message';
import { connectingIp } from './connecting-ip';
import { buildHops } from './hops';
import { parseReceived } from './received';

// Received lines are anyone's bytes (every hop, and the sender, can write them): whatever they
// hold, reading the route never throws and every hop keeps the documented shapes.
const piece = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'from ',
    'by ',
    'with ',
    'id ',
    'for ',
    'via ',
    ';',
    '(',
    ')',
    '[',
    ']',
    '"',
    '\\',
    'IPv6:',
    '203.0.113.9',
    '2001:db8::1',
    'helo=',
    'HELO',
    'ESMTPS',
    ' Mon, 7 Dec 2026 13:05:00 +0000',
  ),
);
const value = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));

describe('the Received chain, any bytes', () => {
  it('parseReceived never throws', () => {
    fc.assert(
      fc.property(value, fc.uint8Array({ maxLength: 80 }), (text, bytes) => {
        for (const input of [text, String.fromCharCode(...bytes)]) {
          const received = parseReceived(input);
          expect(received.at === null || Number.isFinite(received.at)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('buildHops and connectingIp never throw, and hops keep their shapes', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 6 }), (values) => {
        const message = readMessage(`${values.map((text) => `Received: ${text.replace(/[\r\n]/g, ' ')}\r\n`).join('')}\r\n`);
        const route = buildHops(message, { maxHops: 4 });
        expect(route.hops.length).toBeLessThanOrEqual(4);
        for (const hop of route.hops) {
          expect([true, false, null]).toContain(hop.tls);
          if (hop.at !== null) expect(new Date(hop.at).toISOString()).toBe(hop.at);
        }
        const connecting = connectingIp(message, route.hops);
        if (connecting) expect(connecting.ip.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
