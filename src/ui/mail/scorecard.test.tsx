// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoredReport } from '../../core/testing/scored-report';
import { Scorecard } from './scorecard';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

describe('Scorecard', () => {
  it('shows a row per standard: a button named for it, the status as a word, the summary as text', () => {
    const report = scoredReport((_report, mail) => void (mail.dkim.selectors[0]!.selector = '<img src=x onerror=alert(1)>'));
    act(() => render(h(Scorecard, { lines: report.mail!.scorecard }), root));
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => row.querySelector('button')?.textContent)).toContain('IPv6 on the MX hosts');
    const dkim = root.querySelector('[data-scorecard="dkim"]')!;
    expect(dkim.querySelector('.scorecard-badge')?.textContent).toBe('pass');
    expect(dkim.querySelector('.scorecard-summary')?.textContent).toBe('Key under selector <img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
  });

  it('opens, scrolls to and focuses the section a row names', () => {
    const section = document.createElement('details');
    section.dataset['section'] = 'dmarc';
    const summary = document.createElement('summary');
    summary.textContent = 'DMARC';
    section.append(summary);
    document.body.append(section);
    let scrolled = false;
    section.scrollIntoView = () => void (scrolled = true);
    act(() => render(h(Scorecard, { lines: [{ id: 'dmarc', status: 'warn', summary: 'p=none' }] }), root));
    act(() => root.querySelector<HTMLButtonElement>('button')!.click());
    expect(section.open).toBe(true);
    expect(scrolled).toBe(true);
    expect(document.activeElement?.textContent).toBe('DMARC');
    section.remove();
  });

  it('draws nothing without a scorecard', () => {
    act(() => render(h(Scorecard, { lines: undefined }), root));
    expect(root.childNodes).toHaveLength(0);
  });
});
