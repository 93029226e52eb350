import { describe, expect, it } from 'vitest';
import { checkUnqualifiedMx } from './unqualified-mx';
import { testExchange, testReport } from './test-report';

describe('checkUnqualifiedMx', () => {
  it('explains a single-label MX host that does not exist as a stray trailing dot', () => {
    const findings = checkUnqualifiedMx(testReport({ exchanges: [testExchange('mail', { state: 'nxdomain' })] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-unqualified-host', severity: 'warn', subject: 'mail' });
    expect(findings[0]!.message).toContain('("mail.example.com.")');
  });

  it('suggests the registrable domain for a subdomain query', () => {
    const report = testReport({ query: { name: 'shop.example.com', registrable: 'example.com' }, exchanges: [testExchange('mail', { state: 'nxdomain' })] });
    expect(checkUnqualifiedMx(report)[0]!.message).toContain('"mail.example.com."');
  });

  it('waits for the answer before saying senders find nothing', () => {
    expect(checkUnqualifiedMx(testReport({ status: 'running', exchanges: [testExchange('mail', { state: 'pending' })] }))).toEqual([]);
  });

  it('says nothing about full names or localhost (its own check)', () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com', { state: 'nxdomain' }), testExchange('localhost', { state: 'nxdomain' })] });
    expect(checkUnqualifiedMx(report)).toEqual([]);
  });
});
