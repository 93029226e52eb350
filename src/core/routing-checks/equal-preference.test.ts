import { describe, expect, it } from 'vitest';
import { checkEqualPreference } from './equal-preference';
import { testExchange, testReport } from './test-report';

describe('checkEqualPreference', () => {
  it('explains that MX hosts sharing a preference are load balanced at random (RFC 5321 §5.1)', () => {
    const report = testReport({
      exchanges: [testExchange('mx1.example.com'), testExchange('mx2.example.com'), testExchange('mx3.example.com', { preference: 20 })],
    });
    const findings = checkEqualPreference(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-equal-preference', severity: 'info', rfc: 'RFC 5321 §5.1' });
    expect(findings[0]!.message).toMatch(/^mx1\.example\.com and mx2\.example\.com share preference 10: senders pick one of them at random/);
  });

  it('gives one finding per group of equal preference', () => {
    const report = testReport({
      exchanges: [
        testExchange('a.example.com', { preference: 0 }),
        testExchange('b.example.com', { preference: 0 }),
        testExchange('c.example.com', { preference: 5 }),
        testExchange('d.example.com', { preference: 5 }),
        testExchange('e.example.com', { preference: 5 }),
      ],
    });
    const messages = checkEqualPreference(report).map((f) => f.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^a\.example\.com and b\.example\.com share preference 0/);
    expect(messages[1]).toMatch(/^c\.example\.com, d\.example\.com and e\.example\.com share preference 5/);
  });

  it('says nothing when every preference differs', () => {
    const report = testReport({ exchanges: [testExchange('mx1.example.com'), testExchange('mx2.example.com', { preference: 20 })] });
    expect(checkEqualPreference(report)).toEqual([]);
  });

  it('does not count one host twice', () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com'), testExchange('mx.example.com')] });
    expect(checkEqualPreference(report)).toEqual([]);
  });
});
