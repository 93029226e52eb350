/**
 * The results, paged (100 rows a page, so 10,000 rows cost one page of DOM), sortable by any
 * column (with the mail setup, the scorecard's lines and the worst of them, worst first), filtered by verdict, by provider, or to those that cannot receive mail. A row opens
 * the full report in the result page, as in the popup. DNS data is rendered as text.
 */
import { useMemo, useState } from 'preact/hooks';
import { acceptsMail, type BulkResult, type Verdict } from '../core/bulk';
import { SCORECARD_IDS, SCORECARD_TITLES, STATUS_RANK, type ScorecardId, type ScorecardStatus } from '../core/mail/scorecard/types';
import { count as formatCount } from './count';
import { NO_PROVIDER } from './result-rows';

const PAGE = 100;
type Field = 'display' | 'addresses' | 'verdictText' | 'primaryMx' | 'mxCount' | 'provider' | 'spf' | 'dmarc' | 'worstFinding';
/** A column: a field of the row, a scorecard line (`card:spf`), or the worst line (`worst`). */
type Key = Field | 'worst' | `card:${ScorecardId}`;

const STATUS_WORD: Record<ScorecardStatus, string> = { pass: 'pass', warn: 'warn', fail: 'fail', 'not-checked': 'not checked' };

/** What a column sorts by. Statuses sort worst first (fail, warn, pass, not checked); "worst" breaks ties by how many lines fail, then warn. */
function sortValue(row: BulkResult, key: Key): string | number {
  if (key === 'worst') {
    const lines = Object.values(row.scorecard ?? {});
    const count = (status: ScorecardStatus) => lines.filter((value) => value === status).length;
    return row.scorecardWorst ? STATUS_RANK[row.scorecardWorst] * 10_000 - count('fail') * 100 - count('warn') : 99_999;
  }
  if (key.startsWith('card:')) {
    const status = row.scorecard?.[key.slice(5) as ScorecardId];
    return status ? STATUS_RANK[status] : 9;
  }
  return row[key as Field] ?? '';
}

export interface TableFilter {
  verdict?: Verdict;
  onlyUndeliverable: boolean;
  provider: string;
}

export function BulkTable(props: { results: readonly BulkResult[]; filter: TableFilter; mailSetup: boolean; reportUrl: (query: string) => string }) {
  const [sort, setSort] = useState<{ key: Key; up: boolean } | undefined>(undefined);
  const [page, setPage] = useState(0);
  const { filter } = props;
  const shown = useMemo(() => {
    const filtered = filter.verdict !== undefined || filter.onlyUndeliverable || filter.provider !== '';
    // Unfiltered and unsorted (a run as it goes): the rows as they are, no pass over 10,000 of them per batch.
    let rows = !filtered
      ? props.results
      : props.results.filter(
          (row) =>
            (!filter.verdict || row.verdict === filter.verdict) &&
            (!filter.onlyUndeliverable || !acceptsMail(row.verdict)) &&
            (!filter.provider || (row.provider ?? NO_PROVIDER) === filter.provider),
        );
    if (sort) {
      const { key, up } = sort;
      rows = [...rows].sort((a, b) => {
        const x = sortValue(a, key);
        const y = sortValue(b, key);
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return up ? order : -order;
      });
    }
    return rows;
  }, [props.results, filter.verdict, filter.onlyUndeliverable, filter.provider, sort]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  const columns: [Key, string, boolean?][] = [
    ['display', 'Domain'],
    ['addresses', 'Addresses', true],
    ['verdictText', 'Verdict'],
    ['primaryMx', 'Primary MX'],
    ['mxCount', 'MX', true],
    ['provider', 'Provider'],
    ...(props.mailSetup
      ? ([
          // "record": the scorecard has SPF and DMARC columns of its own (their verdicts).
          ['spf', 'SPF record'],
          ['dmarc', 'DMARC record'],
        ] as [Key, string][])
      : []),
    ...(props.mailSetup ? ([['worst', 'Worst'], ...SCORECARD_IDS.map((id) => [`card:${id}`, SCORECARD_TITLES[id]])] as [Key, string][]) : []),
    ['worstFinding', 'Worst finding'],
  ];
  const header = (key: Key, label: string, num?: boolean) => (
    <th
      class={[num ? 'num' : '', key === 'worstFinding' ? 'finding' : '', key.startsWith('card:') ? 'card' : ''].join(' ').trim()}
      aria-sort={sort?.key === key ? (sort.up ? 'ascending' : 'descending') : 'none'}
      key={key}
    >
      <button onClick={() => setSort(sort?.key === key ? { key, up: !sort.up } : { key, up: true })}>{label}</button>
    </th>
  );
  return (
    <section aria-label="Results">
      <div class="table-scroll">
        <table>
          <thead>
            <tr>{columns.map(([key, label, num]) => header(key, label, num))}</tr>
          </thead>
          <tbody>
            {shown.slice(current * PAGE, current * PAGE + PAGE).map((row) => (
              <tr key={row.domain} onClick={() => window.open(props.reportUrl(row.domain), '_blank')}>
                <td>
                  <a href={props.reportUrl(row.domain)} target="_blank" rel="noreferrer" onClick={(event) => event.stopPropagation()}>
                    {row.display}
                  </a>
                  {row.display !== row.domain && <div class="muted">{row.domain}</div>}
                </td>
                <td class="num">{row.addresses}</td>
                <td class={`verdict-${row.verdict}`}>
                  {row.verdictText}
                  {row.error && <div class="muted">{row.error}</div>}
                </td>
                <td class="name">{row.primaryMx ?? ''}</td>
                <td class="num">{row.mxCount}</td>
                <td>{row.provider ?? ''}</td>
                {props.mailSetup && <td>{row.spf ?? ''}</td>}
                {props.mailSetup && <td>{row.dmarc ?? ''}</td>}
                {props.mailSetup && <StatusCell status={row.scorecardWorst} />}
                {props.mailSetup && SCORECARD_IDS.map((id) => <StatusCell key={id} status={row.scorecard?.[id]} />)}
                <td>{row.worstFinding ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="row">
        <span data-testid="shown-count">
          {formatCount(shown.length)} rows{pages > 1 && ` · page ${current + 1} of ${pages}`}
        </span>
        {pages > 1 && (
          <>
            <button disabled={current === 0} onClick={() => setPage(current - 1)}>
              Previous
            </button>
            <button disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              Next
            </button>
          </>
        )}
      </div>
    </section>
  );
}

/** A scorecard status as its word (the class only adds colour where the page styles it). */
function StatusCell({ status }: { status: ScorecardStatus | undefined }) {
  return <td class={status ? `score score-${status}` : 'score'}>{status ? STATUS_WORD[status] : ''}</td>;
}
