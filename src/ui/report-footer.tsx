/** Which resolver answered and what the lookup cost; fallback said in words, never silent. */
import type { Report } from '../core/report';
import { fallbackSentences, footerSummary } from './format/footer-text';

export function ReportFooter({ report }: { report: Report }) {
  const fallback = fallbackSentences(report);
  return (
    <footer class="report-footer">
      <p>{footerSummary(report)}</p>
      {fallback.map((sentence) => (
        <p key={sentence} class="fallback">
          {`${sentence}.`}
        </p>
      ))}
    </footer>
  );
}
