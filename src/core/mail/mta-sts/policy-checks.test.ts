import { describe, expect, it } from 'vitest';
import { parseMtaStsPolicy } from './parse-mta-sts';
import { coverageFindings, durationText, maxAgeFindings, policyIdFindings } from './policy-checks';

const policy = (mode: string, mx: string[], maxAge = 604800, extra = '') =>
  parseMtaStsPolicy(`version: STSv1\nmode: ${mode}\n${mx.map((m) => `mx: ${m}\n`).join('')}max_age: ${maxAge}\n${extra}`);
const codes = (findings: { severity: string; code: string }[]) => findings.map((f) => `${f.severity} ${f.code}`);

describe('the policy against the MX hosts (RFC 8461 §4.1)', () => {
  it.each([
    { mode: 'enforce', mx: ['*.example.com'], hosts: ['mx1.example.com', 'mx2.example.com'], want: [] },
    { mode: 'enforce', mx: ['mx1.example.com'], hosts: ['mx1.example.com', 'mx2.example.com'], want: ['error mta-sts-mx-not-covered'] },
    { mode: 'testing', mx: ['mx1.example.com'], hosts: ['mx1.example.com', 'mx2.example.com'], want: ['warn mta-sts-mx-not-covered'] },
    { mode: 'enforce', mx: ['mx1.example.com', 'old.example.net'], hosts: ['mx1.example.com'], want: ['warn mta-sts-mx-pattern-stale'] },
    {
      mode: 'enforce',
      mx: ['mx1.example.com', '*.backup.example.com'],
      hosts: ['mx1.example.com', 'mx2.example.com'],
      want: ['error mta-sts-mx-not-covered', 'warn mta-sts-mx-pattern-stale'],
    },
    { mode: 'none', mx: ['old.example.com'], hosts: ['mx.example.com'], want: [] },
    { mode: 'enforce', mx: ['mx.example.com'], hosts: [], want: [] },
  ])('$mode, mx $mx, MX $hosts: $want', ({ mode, mx, hosts, want }) => {
    expect(codes(coverageFindings(policy(mode, mx), 'example.com', hosts))).toEqual(want);
  });

  it('names the stale pattern and the MX hosts, and says why it matters', () => {
    const [finding] = coverageFindings(policy('enforce', ['mx1.example.com', '*.old.example.com']), 'example.com', ['mx1.example.com']);
    expect(finding).toMatchObject({ code: 'mta-sts-mx-pattern-stale', subject: '*.old.example.com', rfc: 'RFC 8461 §4.1' });
    expect(finding!.message).toContain('mx: *.old.example.com, which matches none of its MX hosts (mx1.example.com)');
    expect(finding!.message).toContain('change the id=');
  });
});

describe('max_age (RFC 8461 §3.2: weeks or more, at most 31557600)', () => {
  it.each([
    { mode: 'enforce', age: 0, want: ['warn mta-sts-max-age-short'], says: 'do not keep the policy at all' },
    { mode: 'enforce', age: 300, want: ['warn mta-sts-max-age-short'], says: 'forget the policy after 5 minutes' },
    { mode: 'enforce', age: 86399, want: ['warn mta-sts-max-age-short'], says: 'after 24 hours' },
    { mode: 'enforce', age: 86400, want: ['info mta-sts-max-age-short'], says: 'after 24 hours' },
    { mode: 'enforce', age: 604799, want: ['info mta-sts-max-age-short'], says: 'after 7 days' },
    { mode: 'enforce', age: 604800, want: [], says: '' },
    { mode: 'enforce', age: 31557600, want: [], says: '' },
    { mode: 'testing', age: 3600, want: ['info mta-sts-max-age-short'], says: 'fine while testing' },
    { mode: 'none', age: 0, want: [], says: '' },
  ])('$mode with max_age $age: $want', ({ mode, age, want, says }) => {
    const findings = maxAgeFindings(policy(mode, ['mx.example.com'], age), 'example.com');
    expect(codes(findings)).toEqual(want);
    if (says) expect(findings[0]!.message).toContain(says);
  });

  it('says durations the way people read them', () => {
    expect([45, 300, 3600, 86400, 172800, 604800].map(durationText)).toEqual(['45 seconds', '5 minutes', '60 minutes', '24 hours', '2 days', '7 days']);
  });
});

describe('an id: line in the policy file against the TXT record id (RFC 8461 §3.1)', () => {
  it('warns when they differ: only the TXT id tells senders the policy changed', () => {
    const withId = policy('enforce', ['mx.example.com'], 604800, 'id: 20240101\n');
    expect(withId.idLine).toBe('20240101');
    expect(withId.unknownKeys).toEqual(['id']);
    const findings = policyIdFindings(withId, '20230101', 'example.com');
    expect(codes(findings)).toEqual(['warn mta-sts-policy-id-mismatch']);
    expect(findings[0]!.message).toContain('id: 20240101, but the TXT record says id=20230101');
  });

  it('says nothing when they agree, or when the file has no id: line', () => {
    expect(policyIdFindings(policy('enforce', ['mx.example.com'], 604800, 'id: 1\n'), '1', 'example.com')).toEqual([]);
    expect(policyIdFindings(policy('enforce', ['mx.example.com']), '1', 'example.com')).toEqual([]);
    expect(policyIdFindings(policy('enforce', ['mx.example.com'], 604800, 'id: 1\n'), undefined, 'example.com')).toEqual([]);
  });
});
