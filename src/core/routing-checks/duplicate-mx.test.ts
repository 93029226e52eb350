import { describe, expect, it } from 'vitest';
import { checkDuplicateMx } from './duplicate-mx';
import { testExchange, testReport } from './test-report';

describe('checkDuplicateMx', () => {
  it('notes a host listed in two MX records with different preferences', () => {
    const report = testReport({
      exchanges: [testExchange('mx.example.com'), testExchange('backup.example.net', { preference: 20 }), testExchange('mx.example.com', { preference: 30 })],
    });
    const findings = checkDuplicateMx(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-duplicate-host', severity: 'info', subject: 'mx.example.com' });
    expect(findings[0]!.message).toContain('mx.example.com is listed in 2 MX records (preferences 10 and 30)');
  });

  it('says nothing when every host is listed once', () => {
    expect(checkDuplicateMx(testReport({ exchanges: [testExchange('mx1.example.com'), testExchange('mx2.example.com')] }))).toEqual([]);
  });
});
