import { describe, it, expect } from 'vitest';
import { parseQuery, tryParseQuery } from './parse-query';

const reason = (input: string) => {
  const result = tryParseQuery(input);
  return result.ok ? 'accepted' : result.error.reason;
};

describe('parseQuery: email addresses', () => {
  it('looks up the domain and keeps the address with its domain in ASCII', () => {
    expect(parseQuery('user+tag@Example.com')).toEqual({
      kind: 'email',
      input: 'user+tag@Example.com',
      name: 'example.com',
      display: 'example.com',
      registrable: 'example.com',
      email: 'user+tag@example.com',
    });
  });

  it.each([
    ['user@example.com', 'user@example.com'],
    ['"quoted local"@example.com', '"quoted local"@example.com'], // RFC 5322 §3.4.1 quoted-string
    ['"a@b, c"@example.com', '"a@b, c"@example.com'], // "@" and "," inside quotes are not separators
    ['"John Doe" <john@example.com>', 'john@example.com'], // RFC 5322 §3.4 name-addr
    ['John <john@example.com>', 'john@example.com'],
    ['"Doe, John <x>" <john@example.com>', 'john@example.com'],
    ['<john@example.com>', 'john@example.com'],
    ['john@example.com (John Doe)', 'john@example.com'], // RFC 5322 §3.2.2 comment
    ['Ünïcödé@example.com', 'Ünïcödé@example.com'], // RFC 6531 UTF-8 local part
    ['user@bücher.de', 'user@xn--bcher-kva.de'],
    ['john..doe@example.com', 'john..doe@example.com'], // lenient: the domain is what matters
    ["o'brien@example.com", "o'brien@example.com"],
    ['a/b=c?d@example.com', 'a/b=c?d@example.com'], // all RFC 5322 atext
  ])('reads %j as %j', (input, email) => {
    expect(parseQuery(input)).toMatchObject({ kind: 'email', email });
  });

  it.each([
    ['mailto:a@b.com?subject=hi', 'a@b.com'],
    ['MAILTO:a@b.com', 'a@b.com'],
    ['mailto:a@b.com,c@d.com', 'a@b.com'], // RFC 6068 §2: the first of several
    ['mailto:%22john%20doe%22@example.com', '"john doe"@example.com'], // percent-encoded
    ['mailto:user+tag@example.com', 'user+tag@example.com'], // "+" is a plus, not a space
    ['mailto:?to=x@example.com&subject=hi', 'x@example.com'], // RFC 6068 §2 "to" header field
    ['mailto:John%20%3Cjohn@example.com%3E', 'john@example.com'],
  ])('takes the address from the mailto: link %j (RFC 6068)', (input, email) => {
    expect(parseQuery(input)).toMatchObject({ kind: 'email', email });
  });

  it('turns an address literal into an IP query that keeps the address (RFC 5321 §4.1.3)', () => {
    expect(parseQuery('user@[192.0.2.1]')).toEqual({
      kind: 'ip',
      input: 'user@[192.0.2.1]',
      name: '192.0.2.1',
      display: '192.0.2.1',
      family: 4,
      ptrName: '1.2.0.192.in-addr.arpa',
      email: 'user@[192.0.2.1]',
    });
    expect(parseQuery('user@[IPv6:2001:DB8:0::1]')).toMatchObject({ kind: 'ip', name: '2001:db8::1', email: 'user@[IPv6:2001:db8::1]' });
  });

  it.each([
    ['@example.com', 'bad-email'],
    ['user@', 'bad-email'],
    ['a@b@example.com', 'bad-email'],
    ['john doe@example.com', 'bad-email'],
    ['john,doe@example.com', 'bad-email'],
    ['"unclosed@example.com', 'bad-email'],
    ['"a"b@example.com', 'bad-email'],
    [`${'a'.repeat(65)}@example.com`, 'bad-email'], // RFC 5321 §4.5.3.1.1: 64 octets
    ['mailto:', 'bad-email'],
    ['mailto:%zz@example.com', 'bad-url'],
    ['user@[192.0.2.256]', 'bad-ip'],
    ['user@[not-an-ip]', 'bad-ip'],
    ['user@localhost', 'single-label'],
    ['user@exa mple.com', 'bad-character'],
  ])('rejects %j (%s)', (input, why) => {
    expect(reason(input)).toBe(why);
  });

  it('asks for brackets around an IP address after the @ (ip-in-domain-slot)', () => {
    const result = tryParseQuery('user@192.0.2.1');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.reason).toBe('ip-in-domain-slot');
      expect(result.error.message).toContain('postmaster@[192.0.2.1]');
    }
  });
});
