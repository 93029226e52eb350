import { describe, expect, it } from 'vitest';
import { checkResolverFallback, resolverName } from './resolver-fallback';
import { testReport } from './test-report';
import type { ResolverEvent } from '../report';

const cloudflareTimeout: ResolverEvent = {
  resolver: 'Cloudflare',
  error: {
    code: 'resolver-timeout',
    message: 'Cloudflare did not answer within 3000 ms. It may be down or blocked on this network.',
    resolver: 'Cloudflare',
    question: 'example.com MX',
  },
  next: 'Google',
};

describe('checkResolverFallback', () => {
  it('says which resolver failed, why, and which one answered instead', () => {
    const findings = checkResolverFallback(testReport({ resolverEvents: [cloudflareTimeout], answeredBy: ['google'] }));
    expect(findings).toEqual([
      {
        code: 'resolver-fallback',
        severity: 'info',
        message: 'Cloudflare did not answer within 3000 ms. It may be down or blocked on this network. Google answered instead.',
        subject: 'Cloudflare',
      },
    ]);
  });

  it('reads resolver ids as well as names', () => {
    const event: ResolverEvent = { ...cloudflareTimeout, resolver: 'cloudflare', next: 'google' };
    const [finding] = checkResolverFallback(testReport({ resolverEvents: [event], answeredBy: ['Google'] }));
    expect(finding!.message).toContain('Google answered instead.');
    expect(finding!.subject).toBe('Cloudflare');
  });

  it('gives one finding for the same failure reported twice', () => {
    const report = testReport({
      resolverEvents: [cloudflareTimeout, { ...cloudflareTimeout, error: { ...cloudflareTimeout.error, question: 'example.com TXT' } }],
      answeredBy: ['google'],
    });
    expect(checkResolverFallback(report)).toHaveLength(1);
  });

  it('does not claim the next resolver answered when it did not', () => {
    const report = testReport({ resolverEvents: [cloudflareTimeout], answeredBy: ['quad9'] }); // Google failed too; Quad9 answered
    expect(checkResolverFallback(report)[0]!.message).toContain('MXray asked Google next.');
  });

  it('reports a failure with no resolver after it as the failure alone', () => {
    const event: ResolverEvent = {
      resolver: 'Quad9',
      error: { code: 'resolver-http-error', message: 'Quad9 had a server error (HTTP 502). Try again, or choose another resolver.' },
    };
    expect(checkResolverFallback(testReport({ resolverEvents: [event] }))[0]!.message).toBe(
      'Quad9 had a server error (HTTP 502). Try again, or choose another resolver.',
    );
  });

  it('names the resolver when its error message does not', () => {
    const event: ResolverEvent = {
      resolver: 'https://doh.example.net/dns-query',
      error: { code: 'bad-answer', message: 'truncated message' },
      next: 'Cloudflare',
    };
    const report = testReport({ resolverEvents: [event], answeredBy: ['cloudflare'] });
    expect(checkResolverFallback(report)[0]!.message).toBe('doh.example.net failed: truncated message. Cloudflare answered instead.');
  });

  it('says nothing when the chosen resolver answered everything', () => {
    expect(checkResolverFallback(testReport())).toEqual([]);
  });
});

describe('resolverName', () => {
  it.each([
    ['cloudflare', 'Cloudflare'],
    ['Cloudflare', 'Cloudflare'],
    ['google-json', 'Google'],
    ['https://dns.example.net/dns-query', 'dns.example.net'],
    ['dns.example.net', 'dns.example.net'],
  ])('%s is shown as %s', (id, name) => expect(resolverName(id)).toBe(name));
});

describe('checkResolverFallback when nothing answered', () => {
  it('stays quiet: the lookup-failed findings already say no resolver answered', async () => {
    const { testReport } = await import('./test-report');
    const report = testReport({
      answeredBy: [],
      resolverEvents: [{ resolver: 'Cloudflare', error: { code: 'resolver-timeout', message: 'Cloudflare did not answer within 4000 ms.' } }],
    });
    expect(checkResolverFallback(report)).toEqual([]);
  });
});
