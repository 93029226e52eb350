/** The summary line: a count per verdict with a small bar chart; a verdict's button filters the table to it. */
import { summarise, VERDICT_TEXT, VERDICTS, type BulkResult, type Verdict } from '../core/bulk';
import { count } from './count';

export function BulkSummary(props: { results: readonly BulkResult[]; verdict: Verdict | undefined; onVerdict: (verdict: Verdict | undefined) => void }) {
  const summary = summarise(props.results);
  const most = Math.max(1, ...VERDICTS.map((verdict) => summary.counts[verdict]));
  return (
    <section aria-label="Summary">
      <p>
        {count(summary.domains)} domains checked: {count(summary.domains - summary.notAccepting)} accept mail, {count(summary.notAccepting)} cannot or could not
        be checked.
      </p>
      <div class="summary">
        {VERDICTS.map((verdict) => (
          <>
            <button
              class={`verdict-${verdict}`}
              aria-pressed={props.verdict === verdict}
              onClick={() => props.onVerdict(props.verdict === verdict ? undefined : verdict)}
            >
              {VERDICT_TEXT[verdict]}
            </button>
            <span class="num" data-testid={`count-${verdict}`}>
              {count(summary.counts[verdict])}
            </span>
            <span
              class="bar-chart"
              aria-hidden="true"
              style={{ width: `${(summary.counts[verdict] / most) * 100}%`, opacity: summary.counts[verdict] ? 1 : 0 }}
            />
          </>
        ))}
      </div>
    </section>
  );
}
