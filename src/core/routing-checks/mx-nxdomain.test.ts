import { describe, expect, it } from 'vitest';
import { checkMxNxdomain } from './mx-nxdomain';
import { nullExchange, testExchange, testReport } from './test-report';

describe('checkMxNxdomain', () => {
  it('is an error when the only MX host does not exist', () => {
    const report = testReport({ exchanges: [testExchange('missing.example.com', { state: 'nxdomain' })] });
    const findings = checkMxNxdomain(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-host-nxdomain', severity: 'error', subject: 'missing.example.com' });
    expect(findings[0]!.message).toContain('The MX host missing.example.com does not exist (NXDOMAIN)');
    expect(findings[0]!.message).toContain('It is the only MX host, so mail to example.com cannot be delivered.');
  });

  it('is a warning when another MX host works', () => {
    const report = testReport({ exchanges: [testExchange('missing.example.com', { state: 'nxdomain' }), testExchange('mx.example.com')] });
    const findings = checkMxNxdomain(report);
    expect(findings.map((f) => f.severity)).toEqual(['warn']);
    expect(findings[0]!.message).toContain('Senders use the other MX hosts meanwhile.');
  });

  it('is an error when every other MX host is broken too', () => {
    const report = testReport({ exchanges: [testExchange('a.example.com', { state: 'nxdomain' }), testExchange('b.example.com', { state: 'no-address' })] });
    const findings = checkMxNxdomain(report);
    expect(findings.map((f) => f.severity)).toEqual(['error']);
    expect(findings[0]!.message).toContain('No other MX host works either');
  });

  it('stays a warning without a verdict while the other hosts are pending', () => {
    const report = testReport({
      status: 'running',
      exchanges: [testExchange('missing.example.com', { state: 'nxdomain' }), testExchange('mx.example.com', { state: 'pending' })],
    });
    const [finding] = checkMxNxdomain(report);
    expect(finding!.severity).toBe('warn');
    expect(finding!.message).not.toContain('cannot be delivered');
    expect(finding!.message).not.toContain('other MX hosts meanwhile');
    expect(finding!.message).not.toContain('  ');
  });

  it('does not count a mixed-in null MX as a working host', () => {
    const report = testReport({ exchanges: [nullExchange(), testExchange('missing.example.com', { state: 'nxdomain' })] });
    expect(checkMxNxdomain(report)[0]!.severity).toBe('error');
  });

  it('reports a host listed in two MX records once, and does not count it as its own backup', () => {
    const report = testReport({
      exchanges: [testExchange('gone.example.com', { state: 'nxdomain' }), testExchange('gone.example.com', { state: 'nxdomain', preference: 20 })],
    });
    const findings = checkMxNxdomain(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('It is the only MX host');
  });

  it('says nothing about hosts that exist or are pending', () => {
    const report = testReport({ status: 'running', exchanges: [testExchange('mx.example.com'), testExchange('mx2.example.com', { state: 'pending' })] });
    expect(checkMxNxdomain(report)).toEqual([]);
  });
});
