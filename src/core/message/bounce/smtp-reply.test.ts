import { describe, expect, it } from 'vitest';
import { findReplyInText, parseReplyLine, readReplyLines, readStatusOnly } from './smtp-reply';

describe('SMTP replies (RFC 5321 §4.2)', () => {
  it('reads one line, with and without an enhanced status code', () => {
    expect(parseReplyLine('550 5.7.26 blocked')).toEqual({ code: 550, more: false, status: '5.7.26', text: ' blocked' });
    expect(parseReplyLine('554 Transaction failed')).toMatchObject({ code: 554, status: null, text: 'Transaction failed' });
    expect(parseReplyLine('550-5.7.1 first')).toMatchObject({ more: true, status: '5.7.1' });
    expect(parseReplyLine('5500 x')).toBeNull();
    expect(parseReplyLine('hello 550')).toBeNull();
  });

  it('joins the lines of a multi-line reply (RFC 5321 §4.2.1)', () => {
    const lines = [
      '550-5.7.1 The IP you are using is not authorized to',
      '550-5.7.1 send email directly to our servers.',
      '550 5.7.1 Use a relay. - gsmtp',
      'after',
    ];
    expect(readReplyLines(lines, 0)).toEqual({
      reply: { code: 550, status: '5.7.1', text: 'The IP you are using is not authorized to send email directly to our servers. Use a relay. - gsmtp' },
      next: 3,
    });
  });

  it('finds a reply inside prose, and removes the prefixes of a folded one', () => {
    expect(findReplyInText("Remote Server returned '550 5.4.1 Recipient address rejected'")).toEqual({
      code: 550,
      status: '5.4.1',
      text: "Recipient address rejected'",
    });
    expect(findReplyInText('said: 550-5.7.26 This mail 550-5.7.26 is blocked 550 5.7.26 - gsmtp')?.text).toBe('This mail is blocked - gsmtp');
    expect(findReplyInText('host mx.example.net[192.0.2.1] at 2026 13:05')).toBeNull();
  });

  it('reads an enhanced status code given alone', () => {
    expect(readStatusOnly('#5.1.1 mailbox unavailable')).toEqual({ code: null, status: '5.1.1', text: 'mailbox unavailable' });
    expect(readStatusOnly('no code')).toBeNull();
  });

  it('caps the text and turns control characters into spaces', () => {
    expect(findReplyInText('550 5.7.1 ' + 'a'.repeat(5000))?.text).toHaveLength(1000);
    expect(findReplyInText('550 5.7.1 a\u0000\u001bb')?.text).toBe('a b');
  });
});
