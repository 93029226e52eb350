import { describe, expect, it } from 'vitest';
import { checkMxLocalhost } from './mx-localhost';
import { testExchange, testReport } from './test-report';

describe('checkMxLocalhost', () => {
  it('recommends a null MX instead of an MX pointing at localhost (RFC 7505)', () => {
    const findings = checkMxLocalhost(testReport({ exchanges: [testExchange('localhost', { preference: 0 })] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-localhost', severity: 'warn', subject: 'localhost' });
    expect(findings[0]!.message).toContain('null MX "0 ."');
  });

  it('also catches localhost.<domain>, known from the MX answer alone', () => {
    const report = testReport({ status: 'running', exchanges: [testExchange('localhost.example.com', { state: 'pending' })] });
    expect(checkMxLocalhost(report).map((f) => f.code)).toEqual(['mx-localhost']);
  });

  it('does not match names that merely contain "localhost"', () => {
    expect(checkMxLocalhost(testReport({ exchanges: [testExchange('notlocalhost.example.com'), testExchange('mx.localhost-corp.example')] }))).toEqual([]);
  });
});
