import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byteString, bytesOf, utf8Text } from './byte-string';
import { MAX_MESSAGE_BYTES, readMessage } from './read-message';

const CRLF = '\r\n';

describe('readMessage', () => {
  it('reads header fields top first, keeping folding in raw and unfolding value (RFC 5322 §2.2.3)', () => {
    const message = readMessage(['From: Ann <ann@example.com>', 'Subject: one', '  two', '', 'Hello', ''].join(CRLF));
    expect(message.headers.map((field) => field.key)).toEqual(['from', 'subject']);
    expect(message.headers[1]).toEqual({ name: 'Subject', key: 'subject', raw: 'Subject: one\r\n  two', value: 'one  two' });
    expect(message.body).toBe('Hello\r\n');
    expect(message.notes).toEqual([]);
  });

  it('reads bare LF line ends as the CRLF they were on the wire, and says so', () => {
    const message = readMessage('From: a@example.com\nSubject: x\n\nbody\n');
    expect(message.headers[0]!.raw).toBe('From: a@example.com');
    expect(message.body).toBe('body\r\n');
    expect(message.notes.join(' ')).toMatch(/bare LF/);
  });

  it('takes a header block alone (no empty line) as header only: body null', () => {
    const message = readMessage('From: a@example.com\r\nSubject: x\r\n');
    expect(message.body).toBeNull();
    expect(message.notes.join(' ')).toMatch(/Only the header/);
  });

  it('takes a header block with a trailing blank line and nothing after it as header only, not an empty body', () => {
    expect(readMessage('From: a@example.com\r\n\r\n\r\n').body).toBeNull();
  });

  it('reads text that is no message as a body with no header fields', () => {
    const message = readMessage('550 5.7.26 This mail has been blocked');
    expect(message.headers).toEqual([]);
    expect(message.body).toBe('550 5.7.26 This mail has been blocked');
  });

  it('skips an mbox From line and leading blank lines', () => {
    const message = readMessage('\r\n\r\nFrom ann@example.com Mon Dec  7 13:05:00 2026\r\nFrom: ann@example.com\r\n\r\nx');
    expect(message.headers.map((field) => field.value)).toEqual(['ann@example.com']);
  });

  it('cuts a message over the size limit and marks the body as cut', () => {
    const message = readMessage('From: a@example.com\r\n\r\nbody', { size: MAX_MESSAGE_BYTES + 10 });
    expect(message.bodyTruncated).toBe(true);
    expect(message.notes[0]).toMatch(/read its first/);
  });

  it('says so when the header has 8-bit bytes, and keeps them as bytes', () => {
    const message = readMessage(byteString('Subject: Grüße\r\n\r\nx'));
    expect(utf8Text(message.headers[0]!.value)).toBe('Grüße');
    expect(message.notes.join(' ')).toMatch(/8-bit/);
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const message = readMessage(byteString(bytes));
        expect(Array.isArray(message.headers)).toBe(true);
      }),
    );
  });
});

describe('byte strings', () => {
  it('round-trip bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20000 }), (bytes) => {
        expect([...bytesOf(byteString(bytes))]).toEqual([...bytes]);
      }),
    );
  });
});
