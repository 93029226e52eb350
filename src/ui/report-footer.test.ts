// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { testReport } from '../core/routing-checks/test-report';
import { fallbackSentences, footerSummary } from './format/footer-text';
import { ReportFooter } from './report-footer';
import { withFindings } from './testing/sample-reports';
import { mount, textOf, unmountAll } from './testing/render';

afterEach(unmountAll);

const timeout = { code: 'resolver-timeout', message: 'Cloudflare did not answer within 4000 ms.', resolver: 'Cloudflare' };

describe('ReportFooter', () => {
  it('names the resolver and the cost of the lookup', () => {
    const report = withFindings(testReport({ elapsedMs: 42, stats: { roundTrips: 3, requests: 23, cacheHits: 0 } }));
    expect(textOf(mount(h(ReportFooter, { report })))).toBe('via Cloudflare · 42 ms · 3 round trips · 23 requests');
  });

  it('states fallback in words', () => {
    const report = withFindings(testReport({ answeredBy: ['google'], resolverEvents: [{ resolver: 'Cloudflare', next: 'Google', error: timeout }] }));
    expect(textOf(mount(h(ReportFooter, { report })))).toBe('via Google · 42 ms · 3 round trips · 4 requests Cloudflare did not answer; Google answered.');
  });
});

describe('footer text', () => {
  it('shows a custom resolver by its host, and cache hits and DNSSEC when there are', () => {
    const report = withFindings(
      testReport({
        resolver: 'https://dns.example.net/dns-query',
        answeredBy: ['https://dns.example.net/dns-query'],
        authenticated: true,
        stats: { roundTrips: 0, requests: 0, cacheHits: 5 },
      }),
    );
    expect(footerSummary(report)).toBe('via dns.example.net · 42 ms · 0 round trips · 0 requests · 5 from cache · DNSSEC validated');
  });

  it('says each failing resolver once, even when it failed many questions', () => {
    const event = { resolver: 'Cloudflare', next: 'Google', error: timeout };
    const report = withFindings(
      testReport({ answeredBy: ['google'], resolverEvents: [event, event, { resolver: 'Google', error: { ...timeout, resolver: 'Google' } }] }),
    );
    expect(fallbackSentences(report)).toEqual(['Cloudflare did not answer; Google answered', 'Google did not answer']);
  });

  it('folds "skipped because it failed recently" into the failure it follows', () => {
    const skipped = { resolver: 'Cloudflare', next: 'Google', error: { code: 'resolver-skipped', message: 'Cloudflare was skipped.', resolver: 'Cloudflare' } };
    const failed = { resolver: 'Cloudflare', next: 'Google', error: timeout };
    expect(fallbackSentences(withFindings(testReport({ answeredBy: ['google'], resolverEvents: [failed, skipped] })))).toEqual([
      'Cloudflare did not answer; Google answered',
    ]);
    expect(fallbackSentences(withFindings(testReport({ answeredBy: ['google'], resolverEvents: [skipped] })))).toEqual([
      'Cloudflare was skipped (it failed recently); Google answered',
    ]);
  });
});
