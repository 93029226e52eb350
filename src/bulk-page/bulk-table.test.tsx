// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BulkResult } from '../core/bulk/types';
import type { ScorecardStatus } from '../core/mail/scorecard/types';
import { BulkTable } from './bulk-table';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => act(() => render(null, root)));

function row(domain: string, worst: ScorecardStatus, spf: ScorecardStatus, dmarc: ScorecardStatus): BulkResult {
  return {
    domain,
    display: domain,
    addresses: 0,
    verdict: 'accepts',
    verdictText: 'accepts mail',
    mxCount: 1,
    scorecard: { mx: 'pass', spf, dmarc },
    scorecardWorst: worst,
  };
}

const results = [
  row('good.test', 'pass', 'pass', 'pass'),
  row('one-fail.test', 'fail', 'fail', 'warn'),
  row('two-fails.test', 'fail', 'fail', 'fail'),
  row('warn.test', 'warn', 'warn', 'pass'),
];

function mount(mailSetup: boolean) {
  act(() => render(h(BulkTable, { results, filter: { onlyUndeliverable: false, provider: '' }, mailSetup, reportUrl: (q: string) => q }), root));
}

const headers = () => [...root.querySelectorAll('th')].map((th) => th.textContent);
const domains = () => [...root.querySelectorAll('tbody tr td:first-child a')].map((a) => a.textContent);

describe('bulk table: the scorecard columns', () => {
  it('shows the worst line and each standard, as words, with the mail setup', () => {
    mount(true);
    expect(headers()).toEqual(expect.arrayContaining(['Worst', 'MX and routing', 'DANE', 'IPv6 on the MX hosts', 'Resilience']));
    const cells = [...root.querySelectorAll('tbody tr')][1]!.querySelectorAll('td.score');
    expect([...cells].slice(0, 3).map((td) => td.textContent)).toEqual(['fail', 'pass', 'fail']);
  });

  it('sorts by "Worst": most failing lines first, then warnings, passes, unchecked last', () => {
    mount(true);
    const worst = [...root.querySelectorAll('th button')].find((button) => button.textContent === 'Worst') as HTMLButtonElement;
    act(() => worst.click());
    expect(domains()).toEqual(['two-fails.test', 'one-fail.test', 'warn.test', 'good.test']);
    act(() => worst.click());
    expect(domains()[0]).toBe('good.test');
  });

  it('has no scorecard columns without the mail setup', () => {
    mount(false);
    expect(headers()).not.toContain('Worst');
  });
});
