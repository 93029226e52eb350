import { describe, expect, it } from 'vitest';
import { escapeUnsafe, hasUnsafeChars } from './unsafe-chars';

describe('escapeUnsafe', () => {
  it('shows control characters (C0, DEL, C1) as \\u escapes', () => {
    expect(escapeUnsafe('a\u0000b\u001b[2J\u007f\u0085\u009b')).toBe('a\\u0000b\\u001b[2J\\u007f\\u0085\\u009b');
  });
  it('shows bidi overrides, embeddings, isolates and marks', () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]) {
      expect(escapeUnsafe(`x${String.fromCharCode(code)}y`)).toBe(`x\\u${code.toString(16).padStart(4, '0')}y`);
    }
    expect(escapeUnsafe('mail.moc\u202elapyap.example')).toBe('mail.moc\\u202elapyap.example');
  });
  it('shows invisible characters, so mx2.tri\u200bck does not read as mx2.trick', () => {
    for (const code of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x2028, 0x2029]) {
      expect(escapeUnsafe(`x${String.fromCharCode(code)}y`)).toBe(`x\\u${code.toString(16).padStart(4, '0')}y`);
    }
  });
  it('leaves ordinary text, HTML and Unicode names alone', () => {
    const text = '<img src=x onerror=alert(1)>.bücher.例え.test \u05e9\u05dc\u05d5\u05dd';
    expect(escapeUnsafe(text)).toBe(text);
    expect(hasUnsafeChars(text)).toBe(false);
    expect(hasUnsafeChars('a\u200bb')).toBe(true);
    expect(hasUnsafeChars('a\u200bb')).toBe(true);
  });
});
