import { describe, it, expect } from 'vitest';
import { parseQuery, tryParseQuery } from './parse-query';

const reason = (input: string) => {
  const result = tryParseQuery(input);
  return result.ok ? 'accepted' : result.error.reason;
};

describe('parseQuery: domain names', () => {
  it('removes the trailing dot and lower-cases (RFC 4343)', () => {
    expect(parseQuery('Example.COM.')).toEqual({
      kind: 'domain',
      input: 'Example.COM.',
      name: 'example.com',
      display: 'example.com',
      registrable: 'example.com',
    });
  });

  it('keeps the name as typed, subdomain included (the popup asks about the registrable one separately)', () => {
    expect(parseQuery('www.example.co.uk')).toMatchObject({ name: 'www.example.co.uk', registrable: 'example.co.uk' });
  });

  it.each([
    ['Bücher.de', 'xn--bcher-kva.de', 'bücher.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de', 'bücher.de'],
    ['XN--BCHER-KVA.DE', 'xn--bcher-kva.de', 'bücher.de'],
    ['straße.de', 'xn--strae-oqa.de', 'straße.de'], // UTS 46 non-transitional: ß kept (IDNA2008)
    ['例え.jp', 'xn--r8jz45g.jp', '例え.jp'],
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai', 'пример.рф'],
    ['Ａ.com', 'a.com', 'a.com'], // full-width letters map to ASCII
    ['example。com', 'example.com', 'example.com'], // ideographic full stop separates labels
  ])('queries %s as %s and shows %s (UTS #46 via the URL parser)', (input, name, display) => {
    expect(parseQuery(input)).toMatchObject({ kind: 'domain', name, display });
  });

  it('accepts underscore labels for names such as _dmarc (RFC 8552)', () => {
    expect(parseQuery('_dmarc.example.com')).toMatchObject({ name: '_dmarc.example.com', registrable: 'example.com' });
  });

  it('treats a private PSL suffix as an owner boundary (alice.github.io is its own registrable domain)', () => {
    expect(parseQuery('alice.github.io').registrable).toBe('alice.github.io');
    expect(parseQuery('www.foo.eu.org').registrable).toBe('foo.eu.org');
    expect(parseQuery('github.io').registrable).toBeUndefined();
  });

  it('accepts a bare top-level domain, with no registrable domain', () => {
    const query = parseQuery('com');
    expect(query).toMatchObject({ kind: 'domain', name: 'com' });
    expect(query.registrable).toBeUndefined();
  });

  it('accepts reserved test names (RFC 6761) and unknown TLDs as typed', () => {
    expect(parseQuery('mx.example.test')).toMatchObject({ name: 'mx.example.test', registrable: 'example.test' });
    expect(parseQuery('host.corp.intranet').name).toBe('host.corp.intranet');
  });

  it.each([
    ['localhost', 'single-label'],
    ['intranet', 'single-label'],
    ['exa mple.com', 'bad-character'],
    ['example.com,org', 'bad-character'],
    ['a!b.com', 'bad-character'],
    ['ex\u3000ample.com', 'bad-character'],
    ['a..b.com', 'empty-label'],
    ['.example.com', 'empty-label'],
    ['example.com..', 'empty-label'],
    ['-example.com', 'bad-hyphen'],
    ['example-.com', 'bad-hyphen'],
    ['xn--zz.de', 'bad-idn'],
    ['a\u200Db.com', 'bad-idn'], // ZWJ outside its joining context (RFC 5892 Appendix A.2)
    [`${'a'.repeat(64)}.com`, 'too-long-label'],
    [`${'ü'.repeat(60)}.de`, 'too-long-label'], // short in Unicode, too long as xn--
    [`${'abcdefghi.'.repeat(26)}com`, 'too-long-name'],
    ['.', 'empty'],
    ['', 'empty'],
    [' "" ', 'empty'],
    ['x'.repeat(2049), 'too-long-input'],
  ])('rejects %j (%s)', (input, why) => {
    expect(reason(input)).toBe(why);
  });

  it('accepts a 63-octet label and a 253-character name, the RFC 1035 §2.3.4 limits', () => {
    expect(reason(`${'a'.repeat(63)}.com`)).toBe('accepted');
    const name = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(name).toHaveLength(253);
    expect(parseQuery(name).name).toBe(name);
    expect(reason(`a.${name}`)).toBe('too-long-name');
  });

  it.each([
    ['1.2.3.4.5', 'ip-in-domain-slot', /five numbers/],
    ['1.2.3', 'ip-in-domain-slot', /shorthand.*1\.2\.0\.3/],
    ['0x7f.1', 'ip-in-domain-slot', /127\.0\.0\.1/],
    ['foo.123', 'ip-in-domain-slot', /ends in a number/],
    ['１.２.３.４', 'ip-in-domain-slot', /ASCII digits: 1\.2\.3\.4/],
  ])('rejects the number-ended name %s (WHATWG "ends in a number"; no TLD is numeric)', (input, why, message) => {
    const result = tryParseQuery(input);
    expect(result.ok ? 'accepted' : result.error.reason).toBe(why);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('says what to type instead of localhost', () => {
    const result = tryParseQuery('localhost');
    expect(!result.ok && result.error.message).toMatch(/RFC 6761.*example\.com/);
  });

  it.each([
    ['  example.com  ', 'example.com'],
    ['"example.com"', 'example.com'],
    ['(example.com),', 'example.com'],
    ['«example.com»', 'example.com'],
    ['example.com;', 'example.com'],
    ['ex\u00ADample.com', 'example.com'], // soft hyphen is ignored by UTS #46
  ])('looks past what was pasted around %j', (input, name) => {
    expect(parseQuery(input).name).toBe(name);
  });
});
