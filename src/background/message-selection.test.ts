import { describe, expect, it } from 'vitest';
import { looksLikeMessage } from './message-selection';

describe('looksLikeMessage (Firefox hides "Explain with MXray" when not)', () => {
  it('takes header lines', () => {
    expect(looksLikeMessage('From: Ann <ann@example.com>\nTo: bob@example.net\nSubject: Hi')).toBe(true);
    expect(looksLikeMessage('some text\nReceived: from mx.example.net (mx.example.net [192.0.2.1])')).toBe(true);
  });
  it('takes a header whose line breaks were lost', () => {
    expect(looksLikeMessage('x Received: from a by b; Mon, 7 Dec 2026 13:05:00 +0000 DKIM-Signature: v=1')).toBe(true);
  });
  it('takes an SMTP error, with an enhanced status or a reply code at a line start', () => {
    expect(looksLikeMessage('The server said 5.7.26 Unauthenticated email is not accepted')).toBe(true);
    expect(looksLikeMessage('550 Requested action not taken: mailbox unavailable')).toBe(true);
  });
  it('does not take prose, an address or a domain', () => {
    expect(looksLikeMessage('Write to support@five-mx.test or sales@one-mx.test')).toBe(false);
    expect(looksLikeMessage('www.five-mx.test')).toBe(false);
    expect(looksLikeMessage('We sold 550 boxes in 2026.')).toBe(false);
  });
});
