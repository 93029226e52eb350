import { describe, expect, it } from 'vitest';
import { checkDomainCname } from './domain-cname';
import { testReport } from './test-report';

describe('checkDomainCname', () => {
  it('explains that an aliased domain gets its mail settings from the alias target (RFC 5321 §5.1)', () => {
    const findings = checkDomainCname(testReport({ query: { name: 'apex-cname.test' }, cname: ['one-mx.test'] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'domain-cname', severity: 'info', subject: 'apex-cname.test' });
    expect(findings[0]!.message).toContain('apex-cname.test is an alias (CNAME) for one-mx.test');
  });

  it('shows a chain of aliases in order, whether or not the chain lists the queried name first', () => {
    const withStart = checkDomainCname(testReport({ cname: ['example.com', 'a.example.net', 'b.example.org'] }));
    const withoutStart = checkDomainCname(testReport({ cname: ['a.example.net', 'b.example.org'] }));
    expect(withStart[0]!.message).toContain('a.example.net → b.example.org');
    expect(withStart).toEqual(withoutStart);
  });

  it('says nothing when the domain is not an alias', () => {
    expect(checkDomainCname(testReport())).toEqual([]);
  });
});
