import { describe, expect, it } from 'vitest';
import { checkNullMx } from './null-mx';
import { nullExchange, testExchange, testReport } from './test-report';

describe('checkNullMx', () => {
  it('treats a single "0 ." MX as "accepts no mail" (RFC 7505)', () => {
    const findings = checkNullMx(testReport({ nullMx: true, exchanges: [nullExchange()] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'null-mx', severity: 'info', rfc: 'RFC 7505 §3', subject: 'example.com' });
    expect(findings[0]!.message).toContain('example.com does not accept mail');
  });

  it('says so as soon as the MX answer is in, while other answers are pending', () => {
    const report = testReport({ status: 'running', nullMx: true, exchanges: [nullExchange()], hostStatus: { A: 'pending', AAAA: 'pending' } });
    expect(checkNullMx(report).map((f) => f.code)).toEqual(['null-mx']);
  });

  it('names the email address for an email query', () => {
    const report = testReport({
      query: { kind: 'email', email: 'alice@example.com', display: 'alice@example.com' },
      nullMx: true,
      exchanges: [nullExchange()],
    });
    const [finding] = checkNullMx(report);
    expect(finding!.message).toContain('example.com does not accept mail');
    expect(finding!.message).toContain('reject mail to alice@example.com');
  });

  it('is an error to mix "0 ." with other MX records (RFC 7505 §3)', () => {
    const report = testReport({ exchanges: [nullExchange(), testExchange('mx.example.com')] });
    const findings = checkNullMx(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'null-mx-mixed', severity: 'error' });
    expect(findings[0]!.message).toContain('"0 ."');
    expect(findings[0]!.message).toContain('mx.example.com');
  });

  it('flags "." with a preference other than 0 as a malformed null MX', () => {
    const findings = checkNullMx(testReport({ exchanges: [nullExchange({ preference: 10 })] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'null-mx-preference', severity: 'warn' });
    expect(findings[0]!.message).toContain('"10 ."');
  });

  it('does not mistake an ordinary MX with preference 0 for a null MX', () => {
    expect(checkNullMx(testReport({ exchanges: [testExchange('mx.example.com', { preference: 0 })] }))).toEqual([]);
  });

  it('says nothing before the MX answer', () => {
    expect(checkNullMx(testReport({ status: 'running', mxStatus: 'pending', exchanges: [] }))).toEqual([]);
  });

  it('says nothing for IP queries', () => {
    const report = testReport({ query: { kind: 'ip', name: '192.0.2.1', display: '192.0.2.1' }, nullMx: true, exchanges: [nullExchange()] });
    expect(checkNullMx(report)).toEqual([]);
  });
});
