import { describe, expect, it } from 'vitest';
import { parseArcAuthenticationResults, parseAuthenticationResults } from './auth-results';

describe('parseAuthenticationResults (RFC 8601 §2.2)', () => {
  it('reads a Gmail-style field: authserv-id, three results, comments and properties', () => {
    const parsed = parseAuthenticationResults(
      'mx.google.com; dkim=pass header.i=@example.com header.s=s2026 header.b=AbCdEf12; spf=pass (google.com: domain of bounce@example.com designates 203.0.113.9 as permitted sender) smtp.mailfrom=bounce@example.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com',
    );
    expect(parsed).toEqual({
      authservId: 'mx.google.com',
      version: null,
      none: false,
      results: [
        {
          method: 'dkim',
          version: null,
          result: 'pass',
          reason: null,
          properties: { 'header.i': '@example.com', 'header.s': 's2026', 'header.b': 'AbCdEf12' },
          comments: [],
        },
        {
          method: 'spf',
          version: null,
          result: 'pass',
          reason: null,
          properties: { 'smtp.mailfrom': 'bounce@example.com' },
          comments: ['google.com: domain of bounce@example.com designates 203.0.113.9 as permitted sender'],
        },
        {
          method: 'dmarc',
          version: null,
          result: 'pass',
          reason: null,
          properties: { 'header.from': 'example.com' },
          comments: ['p=REJECT sp=REJECT dis=NONE'],
        },
      ],
    });
  });

  it('reads a version after the authserv-id, and "none"', () => {
    expect(parseAuthenticationResults('mx.example.net 1; none')).toEqual({ authservId: 'mx.example.net', version: '1', none: true, results: [] });
  });

  it('reads a method version, a reason, a quoted value and CFWS around "="', () => {
    const parsed = parseAuthenticationResults('mx.example.net; dkim/1 = fail (bad) reason="signature verification failed" header.d = "example.com"');
    expect(parsed.results[0]).toEqual({
      method: 'dkim',
      version: '1',
      result: 'fail',
      reason: 'signature verification failed',
      properties: { 'header.d': 'example.com' },
      comments: ['bad'],
    });
  });

  it('reads a quoted authserv-id and lower-cases method and result words', () => {
    const parsed = parseAuthenticationResults('"mx example"; SPF=SoftFail smtp.mailfrom=a@example.com');
    expect(parsed.authservId).toBe('mx example');
    expect(parsed.results[0]).toMatchObject({ method: 'spf', result: 'softfail' });
  });

  it('reads Microsoft 365 fields, which leave the authserv-id out', () => {
    const parsed = parseAuthenticationResults(
      'spf=pass (sender IP is 203.0.113.9) smtp.mailfrom=example.com; dkim=pass (signature was verified) header.d=example.com;dmarc=pass action=none header.from=example.com;compauth=pass reason=100',
    );
    expect(parsed.authservId).toBeNull();
    expect(parsed.results.map((entry) => [entry.method, entry.result])).toEqual([
      ['spf', 'pass'],
      ['dkim', 'pass'],
      ['dmarc', 'pass'],
      ['compauth', 'pass'],
    ]);
    expect(parsed.results[0]!.comments).toEqual(['sender IP is 203.0.113.9']);
    expect(parsed.results[2]!.properties).toEqual({ action: 'none', 'header.from': 'example.com' });
    expect(parsed.results[3]!.reason).toBe('100');
  });

  it('starts a new result at a known method even without a ";" before it', () => {
    const parsed = parseAuthenticationResults('mx.example.net; dkim=pass header.d=example.com spf=fail smtp.mailfrom=a@example.org');
    expect(parsed.results.map((entry) => [entry.method, entry.result, entry.properties])).toEqual([
      ['dkim', 'pass', { 'header.d': 'example.com' }],
      ['spf', 'fail', { 'smtp.mailfrom': 'a@example.org' }],
    ]);
  });

  it('keeps one result per DKIM signature', () => {
    const parsed = parseAuthenticationResults('mx.example.net; dkim=fail header.d=example.com; dkim=pass header.d=esp.example');
    expect(parsed.results.map((entry) => entry.result)).toEqual(['fail', 'pass']);
  });

  it('does not read ";" inside comments or quoted strings as a separator', () => {
    const parsed = parseAuthenticationResults('mx.example.net; spf=pass (a; b) smtp.mailfrom="x;y@example.com"');
    expect(parsed.results).toHaveLength(1);
    expect(parsed.results[0]!.properties['smtp.mailfrom']).toBe('x;y@example.com');
  });

  it('keeps no property with an odd name', () => {
    const parsed = parseAuthenticationResults('mx; spf=pass __proto__=x constructor=y');
    expect(Object.getPrototypeOf(parsed.results[0]!.properties)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed.results[0]!.properties, '__proto__')).toBe(false);
  });

  it('reads garbage to no results', () => {
    expect(parseAuthenticationResults('')).toEqual({ authservId: null, version: null, none: false, results: [] });
    expect(parseAuthenticationResults(';;; === ((( "').results).toEqual([]);
  });
});

describe('parseArcAuthenticationResults (RFC 8617 §4.1.1)', () => {
  it('reads the instance and the payload', () => {
    const parsed = parseArcAuthenticationResults('i=2; lists.example.org; dkim=pass header.d=example.com; spf=pass smtp.mailfrom=example.com');
    expect(parsed.instance).toBe(2);
    expect(parsed.results.authservId).toBe('lists.example.org');
    expect(parsed.results.results.map((entry) => entry.method)).toEqual(['dkim', 'spf']);
  });

  it('has no instance outside 1-50 or without "i="', () => {
    expect(parseArcAuthenticationResults('i=51; x; dkim=pass').instance).toBeNull();
    expect(parseArcAuthenticationResults('i=0; x; dkim=pass').instance).toBeNull();
    expect(parseArcAuthenticationResults('x; dkim=pass').instance).toBeNull();
  });
});
