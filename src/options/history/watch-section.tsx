/**
 * The Watch view: every watched name with its last check, its status and its change log, the
 * interval per name, and export/import in the CLI's facts file format. Opening it marks the
 * changes seen (the badge clears). It re-reads the list every few seconds while open, so a
 * check that runs in the background shows up.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { statusText, type WatchEntry } from '../../core/history/watch-schedule';
import type { StorageNotes } from '../../shared/watch-messages';
import { download } from '../../ui/download';
import type { HistoryActions } from './history-actions';

const INTERVALS: [minutes: number, label: string][] = [
  [15, 'every 15 minutes'],
  [60, 'every hour'],
  [360, 'every 6 hours'],
  [1440, 'every day'],
  [10080, 'every week'],
];

const time = (ms: number | undefined) => (ms === undefined ? 'never' : new Date(ms).toLocaleString());

export function WatchSection({ actions }: { actions: HistoryActions }) {
  const [watches, setWatches] = useState<WatchEntry[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [unsaved, setUnsaved] = useState<StorageNotes['watchUnsaved']>();
  const reload = useCallback(() => {
    void actions.storageNotes().then(
      (notes) => setUnsaved(notes.watchUnsaved),
      () => undefined,
    );
    return actions.listWatches().then(
      (list) => setWatches(list.sort((a, b) => (a.display < b.display ? -1 : 1))),
      (e: unknown) => setProblem(String(e)),
    );
  }, [actions]);

  useEffect(() => {
    void actions
      .markSeen()
      .catch(() => undefined)
      .then(reload)
      // Opened as options.html#watch (the Watch button's link, a notification): the section is rendered only now.
      .then(() => location.hash === '#watch' && document.getElementById('watch')?.scrollIntoView());
    const timer = setInterval(() => void reload(), 3000);
    return () => clearInterval(timer);
  }, [actions, reload]);

  const run = (work: () => Promise<unknown>, done?: string) => {
    setProblem(undefined);
    work().then(
      () => {
        if (done) setNote(done);
        void reload();
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  };

  const exportList = () =>
    run(async () => {
      const file = await actions.exportWatches();
      download('mxray-watch-list.json', JSON.stringify(file, null, 2), 'application/json');
    }, 'Watch list exported');

  const importList = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    run(async () => {
      const { imported } = await actions.importWatches(await file.text());
      setNote(`${imported} name${imported === 1 ? '' : 's'} imported`);
      input.value = '';
    });
  };

  return (
    <section class="card" id="watch" aria-labelledby="watch-heading">
      <h2 id="watch-heading">Watch list</h2>
      <p class="intro">
        Watched names are looked up again in the background through your resolver, even with no MXray page open. A change shows on the toolbar badge, here, and
        as a notification if you allowed them. A failed check is not a change: it is retried.
      </p>
      {unsaved && (
        <p class="problem" role="alert">
          MXray could not save the watch list: storage is full (since {time(unsaved.at)}). The list below is the last one saved, and the checks go on; free some
          disk space and the next check saves it.
        </p>
      )}
      {watches?.length === 0 && <p class="hint">No name is watched. Use "Watch for changes" under a report.</p>}
      <ul class="watch-list">
        {watches?.map((w) => (
          <li key={w.name} class="watch-entry" aria-label={w.display}>
            <div class="watch-head">
              <strong class="name">{w.display}</strong>
              <span class={`watch-status status-${w.status}`}>{statusText(w)}</span>
            </div>
            <p class="hint">
              Last check: {time(w.lastCheckAt)} · next: {time(w.nextCheckAt)}
            </p>
            <div class="button-row">
              <label>
                <span class="visually-hidden">How often to check {w.display}</span>
                <select value={String(w.everyMinutes)} onChange={(e) => run(() => actions.setInterval(w.name, Number(e.currentTarget.value)))}>
                  {INTERVALS.some(([m]) => m === w.everyMinutes) ? null : <option value={String(w.everyMinutes)}>every {w.everyMinutes} minutes</option>}
                  {INTERVALS.map(([minutes, label]) => (
                    <option key={minutes} value={String(minutes)}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => run(() => actions.checkNow(w.name), `${w.display} checked`)}>
                Check now
              </button>
              <button type="button" onClick={() => run(() => actions.unwatch(w.name), `${w.display} is no longer watched`)}>
                Stop watching
              </button>
            </div>
            {w.log.length > 0 && (
              <ol class="change-log" aria-label={`Changes of ${w.display}`}>
                {[...w.log].reverse().map((entry) => (
                  <li key={entry.at}>
                    <time dateTime={new Date(entry.at).toISOString()}>{time(entry.at)}</time>: {entry.summary}
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
      <div class="button-row">
        <button type="button" onClick={exportList} disabled={!watches?.length}>
          Export watch list
        </button>
        <label class="file-button">
          Import…
          <input type="file" accept=".json,application/json" class="visually-hidden" onChange={(e) => importList(e.currentTarget)} />
        </label>
        <span class="hint" role="status">
          {note}
        </span>
      </div>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
