import { describe, expect, it } from 'vitest';
import { nullExchange, testExchange, testReport } from '../core/routing-checks/test-report';
import type { Report } from '../core/report';
import { chooseLead, registrableOf } from './choose-lead';

const report = (name: string, facts: Partial<Omit<Report, 'findings' | 'query'>> = {}): Report => ({
  ...testReport({ query: { name, registrable: 'example.co.uk' }, ...facts }),
  findings: [],
});
const withMx = (name: string) => report(name);
const withoutMx = (name: string) => report(name, { mxStatus: 'nodata', exchanges: [] });
const pending = (name: string) => report(name, { mxStatus: 'pending', exchanges: [], status: 'running' });

describe('chooseLead', () => {
  it('leads with the host when it has mail servers of its own', () => {
    expect(chooseLead(withMx('www.example.co.uk'), undefined, true)).toBe('host');
  });

  it('leads with the registrable domain when only it has mail servers', () => {
    expect(chooseLead(withoutMx('www.example.co.uk'), withMx('example.co.uk'), true)).toBe('registrable');
  });

  it('leads with the host when neither has mail servers (its report explains why)', () => {
    expect(chooseLead(withoutMx('www.example.co.uk'), withoutMx('example.co.uk'), true)).toBe('host');
  });

  it('does not count an implicit MX or a null MX (RFC 5321 §5.1, RFC 7505) as mail servers of the host', () => {
    const implicit = report('www.example.co.uk', {
      mxStatus: 'nodata',
      implicitMx: true,
      exchanges: [testExchange('www.example.co.uk', { implicit: true, preference: 0 })],
    });
    expect(chooseLead(implicit, withMx('example.co.uk'), true)).toBe('registrable');
    const nullMx = report('www.example.co.uk', { nullMx: true, exchanges: [nullExchange()] });
    expect(chooseLead(nullMx, withMx('example.co.uk'), true)).toBe('registrable');
  });

  it('waits for the MX answers it needs', () => {
    expect(chooseLead(undefined, undefined, true)).toBeUndefined();
    expect(chooseLead(pending('www.example.co.uk'), withMx('example.co.uk'), true)).toBeUndefined();
    expect(chooseLead(withoutMx('www.example.co.uk'), pending('example.co.uk'), true)).toBeUndefined();
    expect(chooseLead(withoutMx('www.example.co.uk'), undefined, false)).toBe('host');
  });

  it("on the page's own report (no registrable domain named yet): leads at once with a host that has mail servers, else waits for the worker's", () => {
    expect(chooseLead(withMx('five-mx.test'), undefined, false, false)).toBe('host');
    expect(chooseLead(withoutMx('www.example.co.uk'), undefined, false, false)).toBeUndefined();
    expect(chooseLead(withoutMx('www.example.co.uk'), undefined, false, true)).toBe('host');
  });
});

describe('registrableOf', () => {
  it('names the registrable domain only when it differs from the host', () => {
    expect(registrableOf(withMx('www.example.co.uk'))).toBe('example.co.uk');
    expect(registrableOf(withMx('example.co.uk'))).toBeUndefined();
    expect(registrableOf({ ...withMx('192.0.2.1'), query: { kind: 'ip', input: '192.0.2.1', name: '192.0.2.1', display: '192.0.2.1' } })).toBeUndefined();
    expect(registrableOf(undefined)).toBeUndefined();
  });
});
