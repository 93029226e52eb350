/**
 * The bulk page: the list, the run (which lives in the service worker and goes on when this
 * tab closes), the summary, the filters, the table and the exports. Rows arrive by index from
 * the worker as they finish; the page keeps them in the list's order.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { addressesCsv, bulkJson, domainsCsv, entryLines, undeliverableText, type BulkInput as ListInput, type Verdict } from '../core/bulk';
import type { BulkConnection } from '../platform/bulk-port';
import type { BulkCommand, BulkEvent, BulkJobView } from '../shared/bulk-messages';
import { BulkInput, type StartRequest } from './bulk-input';
import { BulkProgress } from './bulk-progress';
import { BulkSummary } from './bulk-summary';
import { BulkTable } from './bulk-table';
import { download } from '../ui/download';
import { count } from './count';
import { ResultRows } from './result-rows';

export interface BulkAppProps {
  connect: (onEvent: (event: BulkEvent) => void) => BulkConnection;
  reportUrl: (query: string) => string;
  initialText: string;
  /** Start on `initialText` at once (a right-clicked selection), unless a run is going on. */
  autoStart?: boolean;
}

/** The CSV is split in the page, with papaparse, so the worker gets lines and never loads the CSV library. */
function startCommand(request: StartRequest, shown: BulkJobView | undefined): BulkCommand {
  return { type: 'start', lines: request.lines, mailSetup: request.mailSetup, ...(shown ? { replaces: shown.id } : {}) };
}

export function BulkApp(props: BulkAppProps) {
  const [job, setJob] = useState<BulkJobView | undefined>(undefined);
  const [attached, setAttached] = useState(false);
  const [error, setError] = useState('');
  const rows = useRef(new ResultRows());
  const [version, setVersion] = useState(0);
  const [verdict, setVerdict] = useState<Verdict | undefined>(undefined);
  const [onlyUndeliverable, setOnlyUndeliverable] = useState(false);
  const [provider, setProvider] = useState('');
  const connection = useRef<BulkConnection | undefined>(undefined);
  const autoStarted = useRef(false);
  /** The job's list, asked of the worker at the first export (the job comes without it), kept for the next. */
  const list = useRef<{ id: string; input: ListInput } | undefined>(undefined);
  const exportWaiting = useRef<{ id: string; build: (input: ListInput) => void } | undefined>(undefined);

  useEffect(() => {
    const handle = (event: BulkEvent) => {
      if (event.type === 'error') {
        setError(event.message);
        return;
      }
      if (event.type === 'list') {
        list.current = { id: event.id, input: event.input };
        const waiting = exportWaiting.current;
        exportWaiting.current = undefined;
        if (waiting?.id === event.id) waiting.build(event.input);
        return;
      }
      if (event.type === 'job') {
        rows.current.reset(event.rows);
        setAttached(true);
        const busy = event.job && (event.job.status === 'running' || event.job.status === 'paused');
        if (props.autoStart && !autoStarted.current && !busy) {
          autoStarted.current = true;
          connection.current?.send(startCommand({ lines: entryLines(props.initialText), mailSetup: false }, event.job));
        }
        setJob(event.job ? { ...event.job } : undefined);
      } else {
        rows.current.add(event.rows);
        const { progress } = event;
        setJob((current) => (current?.id === progress.id ? { ...current, ...progress } : current));
      }
      setVersion((n) => n + 1);
    };
    connection.current = props.connect(handle);
    return () => connection.current?.close();
  }, []);

  const results = useMemo(() => rows.current.list(), [version]);
  const providers = useMemo(() => rows.current.providers(), [version]);
  const start = (request: StartRequest) => {
    setError('');
    connection.current?.send(startCommand(request, job));
  };
  const stamp = () => new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  /** An export that needs the list's addresses: at once when the page has the list, else once the worker sends it. */
  const withList = (id: string, build: (input: ListInput) => void) => {
    if (list.current?.id === id) build(list.current.input);
    else {
      exportWaiting.current = { id, build };
      connection.current?.send({ type: 'list' });
    }
  };

  return (
    <main class="mxray bulk">
      <h1>MXray: check a list of addresses or domains</h1>
      {error && <p role="alert">{error}</p>}
      {attached && (!job || job.total === 0) && <BulkInput initialText={props.initialText} disabled={false} onStart={start} />}
      {job && job.total === 0 && <p role="status">Nothing to check: no email address or domain was found in that list.</p>}
      {job && job.total > 0 && (
        <>
          <BulkProgress job={job} onCommand={(type) => connection.current?.send({ type })} />
          <p class="muted">
            {count(job.addressCount)} addresses and {count(job.total)} domains found
            {job.duplicates > 0 && ` (${count(job.duplicates)} repeats counted once)`}
            {job.mailSetup ? ', with the mail setup' : ', routing facts only'}.
          </p>
          {job.invalid.length > 0 && (
            <details open={job.invalid.length <= 20}>
              <summary>
                {count(job.invalid.length)} {job.invalid.length === 1 ? 'entry' : 'entries'} could not be checked
              </summary>
              <ul class="invalid-list" aria-label="Entries not checked">
                {job.invalid.map((entry) => (
                  <li key={`${entry.line}:${entry.input}`}>
                    <span class="muted">line {entry.line}:</span> <code>{entry.input}</code>: {entry.invalid}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <BulkSummary results={results} verdict={verdict} onVerdict={setVerdict} />
          <div class="row" aria-label="Filters">
            <label>
              <input type="checkbox" checked={onlyUndeliverable} onChange={(event) => setOnlyUndeliverable((event.target as HTMLInputElement).checked)} /> only
              those that cannot receive mail
            </label>
            <label>
              Provider:{' '}
              <select aria-label="Provider" value={provider} onChange={(event) => setProvider((event.target as HTMLSelectElement).value)}>
                <option value="">any</option>
                {providers.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div class="row" aria-label="Exports">
            <button onClick={() => download(`mxray-domains-${stamp()}.csv`, domainsCsv(results), 'text/csv')}>CSV, one row per domain</button>
            <button onClick={() => withList(job.id, (input) => download(`mxray-addresses-${stamp()}.csv`, addressesCsv(input, results), 'text/csv'))}>
              CSV, one row per address
            </button>
            <button onClick={() => withList(job.id, (input) => download(`mxray-${stamp()}.json`, bulkJson(input, results), 'application/json'))}>JSON</button>
            <button
              onClick={() => withList(job.id, (input) => download(`mxray-undeliverable-${stamp()}.txt`, undeliverableText(input, results), 'text/plain'))}
            >
              Addresses that cannot receive mail
            </button>
          </div>
          <BulkTable
            results={results}
            filter={{ ...(verdict ? { verdict } : {}), onlyUndeliverable, provider }}
            mailSetup={job.mailSetup}
            reportUrl={props.reportUrl}
          />
        </>
      )}
    </main>
  );
}
