import { describe, expect, it } from 'vitest';
import { testExchange } from '../routing-checks/test-report';
import type { ResolverAnswerRow, ResolverComparison } from '../compare/comparison';
import { factsOf } from './facts-of';
import { resolverAgreement } from './stale-resolver';
import { report } from './testing/facts-reports';

const row = (resolverName: string, values: string[], status: ResolverAnswerRow['status'] = 'ok'): ResolverAnswerRow => ({
  resolver: resolverName.toLowerCase(),
  resolverName,
  status,
  values,
  authenticated: false,
  elapsedMs: 1,
});
const comparison = (rows: ResolverAnswerRow[]): ResolverComparison => ({ name: 'example.com', type: 'MX', status: 'done', rows });

const old = factsOf(report({ exchanges: [testExchange('mx1.example.com', { preference: 10 }), testExchange('mx2.example.com', { preference: 20 })] }));
const next = factsOf(report({ exchanges: [testExchange('mx1.example.com', { preference: 10 })] }));

describe('resolverAgreement', () => {
  it('says when one resolver alone gives the new MX set', () => {
    const agreement = resolverAgreement(
      old,
      next,
      comparison([
        row('Cloudflare', ['10 mx1.example.com']),
        row('Google', ['20 mx2.example.com', '10 mx1.example.com']),
        row('Quad9', ['10 mx1.example.com', '20 mx2.example.com']),
      ]),
    );
    expect(agreement).toMatchObject({ sayNew: ['Cloudflare'], sayOld: ['Google', 'Quad9'], resolverOnly: true });
    expect(agreement!.text).toContain('only Cloudflare gives the new MX set');
  });

  it('says a change is everywhere when every resolver agrees, and still propagating when some lag', () => {
    expect(resolverAgreement(old, next, comparison([row('Cloudflare', ['10 mx1.example.com']), row('Google', ['10 MX1.example.com'])]))).toMatchObject({
      sayOld: [],
      resolverOnly: false,
    });
    const lagging = resolverAgreement(
      old,
      next,
      comparison([
        row('Cloudflare', ['10 mx1.example.com']),
        row('Google', ['10 mx1.example.com']),
        row('Quad9', ['10 mx1.example.com', '20 mx2.example.com']),
        row('AdGuard', [], 'servfail'),
      ]),
    );
    expect(lagging).toMatchObject({ sayNew: ['Cloudflare', 'Google'], sayOld: ['Quad9'], sayOther: ['AdGuard'], resolverOnly: false });
    expect(lagging!.text).toContain('Quad9 still gives the old MX set');
  });

  it('has nothing to say when the MX set did not change, or the comparison is about another name', () => {
    expect(resolverAgreement(old, old, comparison([row('Google', ['10 mx1.example.com'])]))).toBeUndefined();
    expect(resolverAgreement(old, next, { ...comparison([]), name: 'other.example' })).toBeUndefined();
  });
});
