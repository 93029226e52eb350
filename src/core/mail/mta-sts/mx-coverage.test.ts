import { describe, expect, it } from 'vitest';
import { mxCoverage, mxMatchesPattern, mxMatchesPolicy } from './mx-coverage';

describe('an MX host against one mx: pattern (RFC 8461 §4.1)', () => {
  it.each([
    ['mx.example.com', 'mx.example.com', true],
    ['mx.example.com', '*.example.com', true],
    ['example.com', '*.example.com', false],
    ['a.b.example.com', '*.example.com', false],
    ['mx.example.net', '*.example.com', false],
    ['mxexample.com', '*.example.com', false],
    ['MX.Example.COM.', '*.example.com', true],
    ['mx.example.com', 'MX.EXAMPLE.COM.', true],
    ['mx.example.com.', 'mx.example.com', true],
    ['mail.example.com', 'mx.example.com', false],
    ['', '*.example.com', false],
    ['mx.example.com', '', false],
    ['*.example.com', '*.example.com', true],
  ])('%s against %s: %s', (host, pattern, matches) => {
    expect(mxMatchesPattern(host, pattern)).toBe(matches);
  });

  it('a host matches a policy when any pattern matches', () => {
    expect(mxMatchesPolicy('mx2.example.com', ['mx1.example.com', '*.example.com'])).toBe(true);
    expect(mxMatchesPolicy('mx2.example.com', ['mx1.example.com'])).toBe(false);
    expect(mxMatchesPolicy('mx2.example.com', [])).toBe(false);
  });
});

describe('the policy against the MX set, both ways', () => {
  it.each([
    {
      case: 'every host covered, every pattern used',
      patterns: ['mx1.example.com', '*.backup.example.com'],
      hosts: ['mx1.example.com', 'b1.backup.example.com'],
      covered: { 'mx1.example.com': 'mx1.example.com', 'b1.backup.example.com': '*.backup.example.com' },
      stale: [],
    },
    {
      case: 'a stale pattern (the host it named is gone)',
      patterns: ['mx1.example.com', 'old.example.com'],
      hosts: ['mx1.example.com'],
      covered: { 'mx1.example.com': 'mx1.example.com' },
      stale: ['old.example.com'],
    },
    {
      case: 'an MX the policy misses',
      patterns: ['mx1.example.com'],
      hosts: ['mx1.example.com', 'mx2.example.com'],
      covered: { 'mx1.example.com': 'mx1.example.com', 'mx2.example.com': undefined },
      stale: [],
    },
    {
      case: 'a wildcard one label too shallow: misses the host, and is stale',
      patterns: ['*.example.com'],
      hosts: ['a.mx.example.com'],
      covered: { 'a.mx.example.com': undefined },
      stale: ['*.example.com'],
    },
    {
      case: 'upper case and trailing dots on either side; a host given twice counts once',
      patterns: ['MX1.Example.com.'],
      hosts: ['mx1.example.COM.', 'mx1.example.com'],
      covered: { 'mx1.example.com': 'MX1.Example.com.' },
      stale: [],
    },
    {
      case: 'the null MX is no host',
      patterns: ['mx.example.com'],
      hosts: [''],
      covered: {},
      stale: ['mx.example.com'],
    },
  ])('$case', ({ patterns, hosts, covered, stale }) => {
    const coverage = mxCoverage(patterns, hosts);
    expect(Object.fromEntries(coverage.hosts.map((entry) => [entry.host, entry.pattern]))).toEqual(covered);
    expect(coverage.stale).toEqual(stale);
  });
});
