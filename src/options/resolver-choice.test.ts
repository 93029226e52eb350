import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import {
  checkCustomUrl,
  describeTestOutcome,
  impliedFormat,
  permissionRefusedMessage,
  RESOLVER_CHOICES,
  resolverName,
  sameResolver,
  withBuiltInResolver,
  withCustomResolver,
} from './resolver-choice';

const settings = (): Settings => structuredClone(DEFAULT_SETTINGS);

function provider(url: string) {
  const check = checkCustomUrl(url);
  if (!check.ok) throw new Error(check.message);
  return check.provider;
}

describe('resolver choices', () => {
  it('offers the four built-in resolvers, then Custom, Cloudflare first', () => {
    expect(RESOLVER_CHOICES.map((c) => c.name)).toEqual(['Cloudflare', 'Google', 'Quad9', 'AdGuard', 'Custom']);
    expect(RESOLVER_CHOICES[0]?.detail).toBe('cloudflare-dns.com');
  });
});

describe('checkCustomUrl', () => {
  it('accepts an https DoH URL', () => {
    const check = checkCustomUrl('  https://dns.example/dns-query ');
    expect(check).toMatchObject({ ok: true, provider: { url: 'https://dns.example/dns-query', name: 'dns.example', format: 'wire' } });
  });
  it('refuses http:// with a sentence about HTTPS (RFC 8484 5)', () => {
    expect(checkCustomUrl('http://dns.example/dns-query')).toEqual({ ok: false, message: 'DNS-over-HTTPS needs an https:// URL (got http:).' });
  });
  it('refuses text that is not a URL, and says what one looks like', () => {
    const check = checkCustomUrl('dns.example');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toContain('is not a URL');
    expect(!check.ok && check.message).toContain('https://dns.example/dns-query');
  });
  it('refuses a user name or password in the URL', () => {
    expect(checkCustomUrl('https://me:secret@dns.example/dns-query')).toMatchObject({ ok: false, message: expect.stringContaining('user name or password') });
  });
  it('asks for a URL when the field is empty', () => {
    expect(checkCustomUrl('   ')).toMatchObject({ ok: false, message: expect.stringContaining('Type the URL') });
  });
});

describe('impliedFormat', () => {
  it('is JSON for a /resolve path (Google-style JSON API), wire otherwise', () => {
    expect(impliedFormat('https://dns.google/resolve')).toBe('json');
    expect(impliedFormat('https://dns.example/dns-query')).toBe('wire');
    expect(impliedFormat('not a url')).toBe('wire');
  });
});

describe('settings after picking a resolver', () => {
  it('picking a built-in one keeps the custom URL, so Custom can be picked again', () => {
    const before: Settings = { ...settings(), resolver: { id: 'custom', customUrl: 'https://dns.example/dns-query' } };
    expect(withBuiltInResolver(before, 'quad9').resolver).toEqual({ id: 'quad9', customUrl: 'https://dns.example/dns-query' });
  });
  it('picking custom URL X stores X normalised, without a fragment, and changes nothing else', () => {
    const before = { ...settings(), fallback: false };
    const after = withCustomResolver(before, provider(' https://dns.example/dns-query#x '));
    expect(after).toEqual({ ...before, resolver: { id: 'custom', customUrl: 'https://dns.example/dns-query' } });
  });
  it('stores the format only when it differs from what the URL implies', () => {
    expect(withCustomResolver(settings(), provider('https://dns.google/resolve'), 'json').resolver.customFormat).toBeUndefined();
    expect(withCustomResolver(settings(), provider('https://dns.example/dns-query'), 'json').resolver.customFormat).toBe('json');
  });
  it('does not mutate the settings it was given', () => {
    const before = settings();
    withCustomResolver(before, provider('https://dns.example/dns-query'));
    expect(before).toEqual(DEFAULT_SETTINGS);
  });
});

describe('sameResolver', () => {
  it('compares built-in ones by id, custom ones by URL and format', () => {
    expect(sameResolver({ id: 'google' }, { id: 'google', customUrl: 'https://a.example/' })).toBe(true);
    expect(sameResolver({ id: 'custom', customUrl: 'https://a.example/' }, { id: 'custom', customUrl: 'https://b.example/' })).toBe(false);
    expect(sameResolver({ id: 'custom', customUrl: 'https://a.example/' }, { id: 'custom', customUrl: 'https://a.example/', customFormat: 'json' })).toBe(
      false,
    );
  });
});

describe('sentences', () => {
  it('names a resolver by its name, or a custom one by its host', () => {
    expect(resolverName({ id: 'adguard' })).toBe('AdGuard');
    expect(resolverName({ id: 'custom', customUrl: 'https://dns.example:8443/q' })).toBe('dns.example:8443');
  });
  it('explains a refused permission and names the resolver that stays', () => {
    expect(permissionRefusedMessage('dns.example', { id: 'cloudflare' })).toBe(
      'MXray cannot reach dns.example without your permission, so it keeps using Cloudflare. Press Test to be asked again.',
    );
  });
  it('says how long the test took and who answered, or the error sentence', () => {
    expect(describeTestOutcome({ ok: true, ms: 41.6, resolver: 'Quad9' })).toBe('Quad9 answered in 42 ms.');
    expect(describeTestOutcome({ ok: false, message: 'dns.example did not answer within 4 s.' })).toBe('dns.example did not answer within 4 s.');
  });
});
