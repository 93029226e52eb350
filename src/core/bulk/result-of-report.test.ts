import { describe, expect, it } from 'vitest';
import { scoredReport } from '../testing/scored-report';
import { resultOfReport } from './result-of-report';

const entry = { domain: 'example.com', display: 'example.com', addresses: [], bare: true };

describe('resultOfReport: the scorecard of a bulk row', () => {
  it('keeps each line status and the worst, from the report with the mail setup', () => {
    const report = scoredReport((_report, mail) => void (mail.dmarc.policy!.effective = 'none'));
    const result = resultOfReport(entry, report);
    expect(result.scorecard).toMatchObject({ mx: 'pass', dmarc: 'warn', dane: 'pass' });
    expect(result.scorecardWorst).toBe('warn');
  });

  it('has none without the mail setup', () => {
    const report = scoredReport();
    delete report.mail;
    expect(resultOfReport(entry, report).scorecard).toBeUndefined();
  });
});
