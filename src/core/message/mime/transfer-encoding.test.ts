import { describe, expect, it } from 'vitest';
import { decodeTransferEncoding } from './transfer-encoding';

const b64 = (text: string) => btoa(text);

describe('decodeTransferEncoding (RFC 2045 §6)', () => {
  it('decodes base64 across line breaks, with or without padding', () => {
    const encoded = b64('Final-Recipient: rfc822; a@example.net\r\n');
    const folded = encoded.replace(/(.{16})/g, '$1\r\n');
    expect(decodeTransferEncoding(folded, 'BASE64')).toEqual({ bytes: 'Final-Recipient: rfc822; a@example.net\r\n', problem: null });
    expect(decodeTransferEncoding('YWI', 'base64').bytes).toBe('ab');
  });

  it('gives a sentence, not an exception, for base64 that does not decode', () => {
    const result = decodeTransferEncoding('!!!! this is not base64 at all ????', 'base64');
    expect(result.bytes).toBe('');
    expect(result.problem).toMatch(/does not decode/);
    expect(decodeTransferEncoding('QUJD\r\nR', 'base64').problem).toMatch(/middle of a byte/);
  });

  it('skips a few stray characters with a note (RFC 2045 §6.8)', () => {
    const result = decodeTransferEncoding(b64('hello world, hello world') + '*', 'base64');
    expect(result.bytes).toBe('hello world, hello world');
    expect(result.problem).toMatch(/stray/);
  });

  it('decodes quoted-printable: =XX, soft breaks, trailing white space', () => {
    const qp = 'caf=C3=A9 =3D ok   \r\nlong=\r\nline=\nend=zz';
    expect(decodeTransferEncoding(qp, 'quoted-printable').bytes).toBe('caf\xc3\xa9 = ok\r\nlonglineend=zz');
  });

  it('passes 7bit, 8bit and binary through, and names an unknown encoding', () => {
    expect(decodeTransferEncoding('a\xffb', '8bit')).toEqual({ bytes: 'a\xffb', problem: null });
    expect(decodeTransferEncoding('abc', null).bytes).toBe('abc');
    expect(decodeTransferEncoding('abc', 'x-uuencode').problem).toMatch(/x-uuencode/);
  });

  it('caps the output', () => {
    expect(decodeTransferEncoding(b64('abcdefgh'), 'base64', 3).bytes).toBe('abc');
    expect(decodeTransferEncoding('abcdef', '7bit', 2).bytes).toBe('ab');
  });
});
