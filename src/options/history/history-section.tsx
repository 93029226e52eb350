/** The History view: the names looked up on this device, last time and verdict, a search, "Clear history", and the switch. */
import { useEffect, useState } from 'preact/hooks';
import { HISTORY_NAMES, HISTORY_PER_NAME, matchesSearch } from '../../core/history/history-bounds';
import type { HistoryRowMessage, StorageNotes } from '../../shared/watch-messages';
import type { Settings } from '../../shared/settings';
import { CheckboxField } from '../checkbox-field';
import type { HistoryActions } from './history-actions';

const VERDICT_TEXT: Record<string, string> = { ok: 'OK', warn: 'warnings', error: 'errors', unanswered: 'no answer' };

export function HistorySection({ settings, save, actions }: { settings: Settings; save: (next: Settings) => void; actions: HistoryActions }) {
  const [rows, setRows] = useState<HistoryRowMessage[] | undefined>();
  const [search, setSearch] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [dropped, setDropped] = useState<StorageNotes['historyDropped']>();
  const reload = () => {
    void actions.storageNotes().then(
      (notes) => setDropped(notes.historyDropped),
      () => undefined,
    );
    return actions.listHistory().then(setRows, (e: unknown) => setProblem(String(e)));
  };
  useEffect(() => void reload(), [actions]);

  const shown = (rows ?? []).filter((row) => matchesSearch(row, search));
  return (
    <section class="card" id="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <CheckboxField
        id="keep-history"
        label="Keep a history of lookups"
        description={`On this device only: the facts of each lookup (mail servers, addresses, records, findings), the last ${HISTORY_PER_NAME} of each name and at most ${HISTORY_NAMES.toLocaleString('en')} names, so a report can say what changed since last time.`}
        checked={settings.history}
        onToggle={(history) => save({ ...settings, history })}
      />
      <div class="button-row">
        <label>
          <span class="visually-hidden">Search history</span>
          <input type="search" placeholder="Search names" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <button type="button" onClick={() => actions.clearHistory().then(reload, (e: unknown) => setProblem(String(e)))} disabled={!rows?.length}>
          Clear history
        </button>
        <span class="hint">{rows === undefined ? '' : `${rows.length} name${rows.length === 1 ? '' : 's'} kept.`}</span>
      </div>
      {dropped && (
        <p class="storage-note" role="status">
          {droppedText(dropped)}{' '}
          <button
            type="button"
            onClick={() =>
              actions.dismissHistoryNote().then(
                () => setDropped(undefined),
                (e: unknown) => setProblem(String(e)),
              )
            }
          >
            Dismiss
          </button>
        </p>
      )}
      {shown.length > 0 && (
        <table class="history-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Last looked up</th>
              <th scope="col">Verdict</th>
              <th scope="col">Kept</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.name}>
                <th scope="row" class="name">
                  {row.display}
                </th>
                <td>{new Date(row.lastCheckedAt).toLocaleString()}</td>
                <td class={`verdict-${row.lastVerdict}`}>{VERDICT_TEXT[row.lastVerdict] ?? row.lastVerdict}</td>
                <td>{row.checks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

/** History dropped its oldest names when storage was full (src/platform/history-db.ts, `recordCheck`): said once, added up. */
export function droppedText({ names, at }: { names: number; at: number }): string {
  const whose = names === 1 ? "the oldest name's history was" : `the oldest ${names.toLocaleString('en')} names' history was`;
  return `Storage was full: ${whose} dropped to make room (${new Date(at).toLocaleString()}).`;
}
