import { describe, expect, it } from 'vitest';
import { scoredReport } from '../core/testing/scored-report';
import { formatMail, formatScorecard } from './format-mail';

describe('mxray --all: the Scorecard block', () => {
  it('comes first, a line per standard with its status as a word', () => {
    const report = scoredReport((_report, mail) => void (mail.dmarc.policy!.effective = 'none'));
    const text = formatMail(report, false);
    const lines = text.split('\n');
    expect(lines[1]).toBe('Scorecard');
    expect(lines[2]).toBe('  pass         MX and routing        2 MX hosts, all resolve');
    expect(lines).toContain('  warn         DMARC                 p=none: monitoring only, spoofed mail still delivered');
    expect(text.indexOf('Scorecard')).toBeLessThan(text.indexOf('\nSPF\n'));
  });

  it('says "not checked" in words and keeps DNS data inert (no escape sequences from a summary)', () => {
    const lines = formatScorecard([{ id: 'dane', status: 'not-checked', summary: 'TLSA for \u001b[31mevil' }], true);
    expect(lines[2]).toContain('not checked');
    expect(lines[2]).not.toContain('\u001b[31mevil');
  });
});
