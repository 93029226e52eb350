/**
 * "Back up and restore": "Export everything" downloads one JSON file (settings, watch list with
 * change logs, history, kept explanations, recent lookups); "Import…" reads a file, checks it
 * whole first (src/core/storage/backup-read.ts), shows what it will replace, and only on Replace
 * asks the worker to write it. A bad file changes nothing and says what is wrong.
 */
import { useState } from 'preact/hooks';
import { backupFileName } from '../../core/storage/backup';
import { planReplacement, type PlanRow } from '../../core/storage/backup-plan';
import { readBackup } from '../../core/storage/backup-read';
import type { StorageActions } from './storage-actions';

type Pending = { text: string; name: string; rows: PlanRow[] };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function BackupSection({ actions, onImported }: { actions: StorageActions; onImported: () => void }) {
  const [pending, setPending] = useState<Pending | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const exportAll = () => {
    setProblem(undefined);
    actions.exportEverything().then(
      (backup) => {
        actions.download(backupFileName(backup.exportedAt), JSON.stringify(backup, null, 2));
        setNote(`Exported ${backup.watch.length} watched names and ${backup.history.length} names of history.`);
      },
      (error: unknown) => setProblem(message(error)),
    );
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setProblem(undefined);
    setNote('');
    setPending(undefined);
    try {
      const text = await file.text();
      const read = readBackup(text);
      if (!read.ok) return setProblem(read.reason);
      const { counts } = await actions.storedCounts();
      setPending({ text, name: file.name, rows: planReplacement(counts, read.value) });
    } catch (error) {
      setProblem(`The file could not be read (${message(error)}). Nothing was changed.`);
    }
  };

  const replace = () => {
    if (!pending) return;
    setBusy(true);
    actions.importEverything(pending.text).then(
      (counts) => {
        setBusy(false);
        setPending(undefined);
        setNote(`Imported: ${counts.watch} watched names, ${counts.history} names of history, ${counts.keptExplanations} kept explanations and your settings.`);
        onImported();
      },
      (error: unknown) => {
        setBusy(false);
        setPending(undefined);
        setProblem(message(error));
      },
    );
  };

  return (
    <section class="card" id="backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Back up and restore</h2>
      <p class="intro">
        One file with your settings, the watch list with its changes, the history, kept explanations and recent lookups: to keep, or to move MXray to another
        browser. Importing replaces all of them.
      </p>
      <div class="button-row">
        <button type="button" onClick={exportAll}>
          Export everything
        </button>
        <label class="file-button">
          Import…
          <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            aria-label="Import a backup"
            onChange={(e) => void choose(e.currentTarget)}
          />
        </label>
        <span class="hint" role="status">
          {note}
        </span>
      </div>
      {pending && (
        <div class="import-plan" role="group" aria-labelledby="import-plan-heading">
          <p id="import-plan-heading">Importing {pending.name} replaces:</p>
          <ul>
            {pending.rows.map((row) => (
              <li key={row.section}>{row.text}</li>
            ))}
          </ul>
          <div class="button-row">
            <button type="button" onClick={replace} disabled={busy}>
              Replace
            </button>
            <button type="button" onClick={() => setPending(undefined)} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
