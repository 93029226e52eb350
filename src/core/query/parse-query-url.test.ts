import { describe, it, expect } from 'vitest';
import { parseQuery, tryParseQuery } from './parse-query';

const reason = (input: string) => {
  const result = tryParseQuery(input);
  return result.ok ? 'accepted' : result.error.reason;
};

describe('parseQuery: URLs', () => {
  it.each([
    ['https://www.example.com/path?x', 'www.example.com'],
    ['http://user:pw@host.example.com:8080/', 'host.example.com'], // RFC 3986 §3.2.1 userinfo
    ['http://a@b@example.com/', 'example.com'], // the last "@" ends the userinfo
    ['HTTPS://Example.COM', 'example.com'],
    ['example.com/path', 'example.com'],
    ['example.com:8080', 'example.com'],
    ['example.com?q', 'example.com'],
    ['//example.com', 'example.com'],
    ['ftp://ftp.example.org/pub', 'ftp.example.org'],
    ['wss://ws.example.net/socket', 'ws.example.net'],
    ['http:\\\\example.com\\x', 'example.com'], // browsers read "\" as "/"
    ['https://www.bücher.de/', 'www.xn--bcher-kva.de'],
    ['http://ex%61mple.com/', 'example.com'], // WHATWG URL percent-decodes hosts
    ['user@example.com/path', 'example.com'], // a URL missing its scheme, not an email
  ])('takes the host of %j', (input, name) => {
    expect(parseQuery(input)).toMatchObject({ kind: 'domain', name });
  });

  it.each([
    ['http://192.0.2.1/', '192.0.2.1', 4],
    ['http://192.0.2.1:8080/x', '192.0.2.1', 4],
    ['https://[2001:DB8::1]:443/', '2001:db8::1', 6],
    ['[2001:db8::1]:25', '2001:db8::1', 6],
  ])('makes an IP query of the address host in %j', (input, name, family) => {
    expect(parseQuery(input)).toMatchObject({ kind: 'ip', name, family });
  });

  it.each([
    ['chrome://extensions', /page inside the browser/],
    ['chrome-extension://abcdef/popup.html', /page inside the browser/],
    ['about:blank', /page inside the browser/],
    ['moz-extension://x/y', /page inside the browser/],
    ['view-source:https://example.com', /page inside the browser/],
    ['file:///etc/hosts', /file on this computer/],
    ['data:text/html,hi', /not an address on the internet/],
    ['javascript:alert(1)', /not an address on the internet/],
    ['tel:+15551234', /"tel:" scheme/],
  ])('refuses %j with a helpful message (unsupported-scheme)', (input, message) => {
    const result = tryParseQuery(input);
    expect(result.ok ? 'accepted' : result.error.reason).toBe('unsupported-scheme');
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it.each([
    ['http://', 'bad-url'],
    ['https://?q=1', 'bad-url'],
    ['user:pw@example.com', 'unsupported-scheme'], // could be sip:, xmpp:, ...: not guessed
    ['http://example.com:abc/', 'bad-url'],
    ['http://[2001:db8::1/', 'bad-url'],
    ['http://ex%zzample.com/', 'bad-url'],
    ['http://0x7f.1/', 'ip-in-domain-slot'], // legacy IPv4 the URL parser would accept
    ['http://127.1/', 'ip-in-domain-slot'],
    ['http://192.0.2.256/', 'bad-ip'],
    ['http://[fe80::1%25eth0]/', 'ip-zone-id'],
    ['http://exa mple.com/', 'bad-character'],
    ['http://localhost:3000/', 'single-label'],
    ['localhost:3000', 'single-label'],
  ])('rejects %j (%s)', (input, why) => {
    expect(reason(input)).toBe(why);
  });
});
