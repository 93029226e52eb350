import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findQueryInText } from './find-query-in-text';
import { findAllEmailsInText } from './find-emails-in-text';
import { parseIp } from '../ip/parse-ip';

const RUNS = { numRuns: 10_000 };

describe('findQueryInText', () => {
  it.each([
    ['Write to john.doe+x@Example.com, or jane@example.org.', 'email', 'john.doe+x@example.com'],
    ['Visit example.com or mail sales@example.org', 'email', 'sales@example.org'], // an email beats an earlier domain
    ['("jo@example.com")', 'email', 'jo@example.com'],
    ['"Jo Bloggs" <jo@example.com>', 'email', 'jo@example.com'], // the whole selection is one query
    ['mailto:jo@example.com', 'email', 'jo@example.com'],
    ['Bounce from MAILER-DAEMON@mx.example.net: user unknown', 'email', 'MAILER-DAEMON@mx.example.net'],
    ['mail user@bücher.de today', 'email', 'user@xn--bcher-kva.de'],
    ['メールはjohn@example.comまで', 'email', 'john@example.com'], // no space after the address
  ])('finds the email in %j', (text, kind, email) => {
    expect(findQueryInText(text)).toMatchObject({ kind, email });
  });

  it.each([
    ['Visit example.com today.', 'example.com'],
    ['see: https://www.example.org/path and more', 'www.example.org'],
    ['(mail.example.com), then', 'mail.example.com'],
    ['go to Bücher.de!', 'xn--bcher-kva.de'],
    ['MX is mx.example.test, not 192.0.2.1', 'mx.example.test'], // a domain beats an earlier IP
    ['https://lists.example.org/archive', 'lists.example.org'],
    ['http://user@host.example.com/ is a URL with user information', 'host.example.com'],
  ])('finds the domain in %j', (text, name) => {
    expect(findQueryInText(text)).toMatchObject({ kind: 'domain', name });
  });

  it.each([
    ['server 192.0.2.1.', '192.0.2.1'],
    ['addr [2001:db8::1]:25 here', '2001:db8::1'],
    ['from 2001:DB8::1, then', '2001:db8::1'],
    ['host fe80:: only', 'fe80::'],
  ])('finds the IP address in %j', (text, name) => {
    expect(findQueryInText(text)).toMatchObject({ kind: 'ip', name });
  });

  it.each([
    ['nothing here', 'no name at all'],
    ['e.g. this is Node.js, i.e. v1.2', 'dotted words that are not domains (no such TLD)'],
    ['com', 'a lone TLD'],
    ['chrome://extensions', 'a browser page'],
    ['a@b', 'an @ with no domain'],
    ['', 'nothing'],
  ])('finds nothing in %j (%s)', (text) => {
    expect(findQueryInText(text)).toBeUndefined();
  });

  const local = fc.stringMatching(/^[A-Za-z0-9_+-](?:[A-Za-z0-9._+-]{0,20}[A-Za-z0-9_+-])?$/);
  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/).filter((l) => !l.startsWith('xn--'));
  const domain = fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'org', 'net', 'de', 'io', 'uk'))
    .map(([labels, top]) => [...labels, top].join('.'));
  const noAt = fc.string({ unit: 'binary', maxLength: 60 }).map((s) => s.replaceAll('@', ''));

  it('finds an email address anywhere in random text', () => {
    fc.assert(
      fc.property(noAt, local, domain, noAt, (before, user, host, after) => {
        const text = `${before} ${user}@${host.toUpperCase()} ${after}`;
        expect(findQueryInText(text)).toMatchObject({ kind: 'email', name: host });
        expect(findAllEmailsInText(text)).toContain(`${user}@${host}`);
      }),
      RUNS,
    );
  });

  it('finds an IP address in words around it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (ip) => {
        expect(findQueryInText(`the server at ${ip} refused`)?.name).toBe(parseIp(ip)!.ip);
      }),
      RUNS,
    );
  });

  it('never throws, whatever the text', () => {
    const messy = fc
      .array(
        fc.oneof(fc.constantFrom('@', '.', ' ', '"', '<', '>', ':', '//', 'http://', 'mailto:', '[', ']', 'com', 'ü', 'a', '1'), fc.string({ maxLength: 3 })),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(messy, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        findQueryInText(text);
        findAllEmailsInText(text);
      }),
      RUNS,
    );
  });

  it.each([
    ['a'.repeat(100_000), 'one long word'],
    ['@'.repeat(100_000), 'only @ signs'],
    ['a@'.repeat(50_000), 'a@a@a@…'],
    ['a.'.repeat(50_000), 'a.a.a.…'],
    ['ab.xy '.repeat(16_000), 'many dotted words that are not domains'],
    ['a"@<>[]:/.'.repeat(10_000), 'separators and quotes'],
    [`${'a'.repeat(100_000)}@example.com`, 'a local part far too long'],
    [`x@${'a'.repeat(100_000)}`, 'a domain far too long'],
    ['1:'.repeat(50_000), 'colons and digits'],
    ['a.a.a.a@'.repeat(12_500), 'dotted locals'],
  ])('reads 100 KB of %s in linear time', (text) => {
    const start = performance.now();
    findQueryInText(text);
    findAllEmailsInText(text);
    expect(performance.now() - start).toBeLessThan(1500);
  });
});

describe('findAllEmailsInText', () => {
  it('lists each address once, in order, with the domain in ASCII', () => {
    const text = 'To: a@Example.com, b@example.org; cc a@example.com and user@bücher.de.';
    expect(findAllEmailsInText(text)).toEqual(['a@example.com', 'b@example.org', 'user@xn--bcher-kva.de']);
  });

  it('finds thousands of addresses in 100 KB quickly', () => {
    const text = 'a@b.cc '.repeat(14_000);
    const start = performance.now();
    expect(findAllEmailsInText(text)).toEqual(['a@b.cc']);
    expect(performance.now() - start).toBeLessThan(1500);
  });

  it('does not take URL user information for a mailbox (RFC 3986 §3.2.1)', () => {
    expect(findAllEmailsInText('see https://user@example.com/x')).toEqual([]);
    expect(findAllEmailsInText('see https://lists.example.org/archive/john@example.com')).toEqual(['john@example.com']);
  });
});
