import { describe, expect, it } from 'vitest';
import { checkAnswerIgnored } from './answer-ignored';
import { testReport } from './test-report';

describe('checkAnswerIgnored', () => {
  it('says, per answer, which records MXray left out and why', () => {
    const report = testReport({
      errors: [
        {
          code: 'answer-ignored',
          message:
            'In the answer to example.com MX, an MX record of class CH came for example.com, and only class IN is Internet DNS (RFC 1035 §3.2.4), so MXray ignored it.',
          question: 'example.com MX',
        },
      ],
    });
    const [finding] = checkAnswerIgnored(report);
    expect(finding).toMatchObject({ code: 'answer-records-ignored', severity: 'warn', subject: 'example.com MX' });
    expect(finding!.message).toMatch(/^In the answer to example\.com MX, an MX record of class CH came for example\.com/);
  });
  it('says nothing without ignored records, and at most six sentences for hundreds', () => {
    expect(checkAnswerIgnored(testReport())).toEqual([]);
    const errors = Array.from({ length: 300 }, (_, i) => ({ code: 'answer-ignored', message: `x${i}`, question: `n${i}.example MX` }));
    const findings = checkAnswerIgnored(testReport({ errors }));
    expect(findings).toHaveLength(6);
    expect(findings.at(-1)!.message).toBe('295 more answers held records MXray ignored.');
  });
});
