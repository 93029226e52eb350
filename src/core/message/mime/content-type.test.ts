import { describe, expect, it } from 'vitest';
import { parseContentType } from './content-type';

describe('parseContentType (RFC 2045 §5.1)', () => {
  it('reads type, subtype and parameters, case-insensitively', () => {
    const ct = parseContentType('Multipart/Report; Report-Type=delivery-status;\r\n\tboundary="AB;C=D"');
    expect(ct.mediaType).toBe('multipart/report');
    expect(ct.params.get('report-type')).toBe('delivery-status');
    expect(ct.params.get('boundary')).toBe('AB;C=D');
    expect(ct.defaulted).toBe(false);
  });

  it('unescapes quoted pairs and skips comments', () => {
    const ct = parseContentType('text/plain (a comment; with=stuff) ; charset="us\\"ascii" (more)');
    expect(ct.mediaType).toBe('text/plain');
    expect(ct.params.get('charset')).toBe('us"ascii');
  });

  it('defaults to text/plain when absent or unreadable (RFC 2045 §5.2)', () => {
    expect(parseContentType(null)).toMatchObject({ mediaType: 'text/plain', defaulted: true });
    expect(parseContentType('garbage')).toMatchObject({ mediaType: 'text/plain', defaulted: true });
    expect(parseContentType('/x')).toMatchObject({ mediaType: 'text/plain', defaulted: true });
  });

  it('joins RFC 2231 continuations and drops the charset prefix of an extended value', () => {
    const ct = parseContentType("multipart/mixed; boundary*0=abc; boundary*1=def; title*=utf-8'en'a%20b");
    expect(ct.params.get('boundary')).toBe('abcdef');
    expect(ct.params.get('title')).toBe('a b');
  });

  it('keeps __proto__ as a plain parameter name', () => {
    expect(parseContentType('text/plain; __proto__=x').params.get('__proto__')).toBe('x');
  });
});
