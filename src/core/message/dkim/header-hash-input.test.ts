import { describe, expect, it } from 'vitest';
import { readMessage } from '../parse/read-message';
import { headerHashInput, overSigningWarning, withEmptySignature } from './header-hash-input';

const message = readMessage(
  [
    'DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s; h=from:subject:subject:x;',
    '\tbh=YWJj; b=YWJj',
    '\t ZGVm',
    'Subject: second',
    'From: Joe <joe@example.com>',
    'Subject:  first ',
    '',
    'body',
  ].join('\r\n'),
);
const signature = message.headers[0]!;

describe('headerHashInput', () => {
  it('picks repeated names from the bottom up and skips names with no instance left (RFC 6376 §5.4.2)', () => {
    expect(headerHashInput(message.headers, ['from', 'subject', 'subject', 'subject', 'x'], signature, 'relaxed')).toBe(
      'from:Joe <joe@example.com>\r\nsubject:first\r\nsubject:second\r\ndkim-signature:v=1; a=rsa-sha256; d=example.com; s=s; h=from:subject:subject:x; bh=YWJj; b=',
    );
  });

  it('keeps every byte but the b= value in simple mode', () => {
    expect(headerHashInput(message.headers, ['From'], signature, 'simple')).toBe(
      'From: Joe <joe@example.com>\r\nDKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s; h=from:subject:subject:x;\r\n\tbh=YWJj; b=',
    );
  });

  it('empties only b=, not bh=', () => {
    expect(withEmptySignature('X: b =abc; bh=def; c=1')).toBe('X: b =; bh=def; c=1');
  });
});

describe('overSigningWarning', () => {
  it('advises over-signing when From is signed only as often as it appears', () => {
    expect(overSigningWarning(message.headers, ['from', 'subject', 'subject'])).toMatch(/^From and Subject are signed only as often as they appear/);
    expect(overSigningWarning(message.headers, ['from', 'from', 'subject', 'subject', 'subject'])).toBeNull();
  });
});
