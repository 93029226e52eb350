/** The list to check: pasted text, or a dropped or picked .csv/.txt file; a column picker for a table. */
import { useMemo, useState } from 'preact/hooks';
import { entryLinesOf, stripBom, suggestColumn, tableOf, type EntryLine } from '../core/bulk';

/** What "Check the list" hands on: the list already split into lines, from the table read here. */
export interface StartRequest {
  lines: EntryLine[];
  mailSetup: boolean;
}

/** Larger files are refused with a sentence: far beyond 10,000 lines. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function BulkInput(props: { initialText: string; disabled: boolean; onStart: (request: StartRequest) => void }) {
  const [text, setText] = useState(props.initialText);
  const [column, setColumn] = useState<number | undefined>(undefined);
  const [mailSetup, setMailSetup] = useState(false);
  const [over, setOver] = useState(false);
  const [fileError, setFileError] = useState('');
  // Parsing a big paste on every keystroke would stall typing: the table is read once per text.
  const table = useMemo(() => (text.length > 0 ? tableOf(text) : undefined), [text]);
  const chosen = table ? (column ?? (text.includes('@') ? -1 : suggestColumn(table))) : undefined;

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError(`${file.name} is over 20 MB; split it into smaller lists.`);
      return;
    }
    setFileError('');
    setColumn(undefined);
    setText(await file.text());
  };

  return (
    <section
      class={`drop${over ? ' over' : ''}`}
      aria-label="List to check"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        void readFile(event.dataTransfer?.files[0]);
      }}
    >
      <label for="bulk-text">Paste addresses or domains (one a line, prose, "Name" &lt;a@b&gt; lists, CSV), or drop a .csv/.txt file here</label>
      <textarea id="bulk-text" value={text} spellcheck={false} onInput={(event) => setText((event.target as HTMLTextAreaElement).value)} />
      <div class="row">
        <label>
          Or pick a file:{' '}
          <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(event) => void readFile((event.target as HTMLInputElement).files?.[0])} />
        </label>
        {table && (
          <label>
            Column:{' '}
            <select aria-label="Column to check" value={String(chosen)} onChange={(event) => setColumn(Number((event.target as HTMLSelectElement).value))}>
              <option value="-1">every column (addresses only)</option>
              {table.columns.map((name, index) => (
                <option value={String(index)} key={index}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <input type="checkbox" checked={mailSetup} onChange={(event) => setMailSetup((event.target as HTMLInputElement).checked)} /> with mail setup (SPF,
          DMARC, provider…)
        </label>
        <button
          type="submit"
          disabled={props.disabled || text.trim() === ''}
          onClick={() =>
            // The table this box already read (its column picker's), not the text parsed again.
            props.onStart({ lines: entryLinesOf(stripBom(text), table, chosen !== undefined && chosen >= 0 ? { column: chosen } : {}), mailSetup })
          }
        >
          Check the list
        </button>
      </div>
      {fileError && <p role="alert">{fileError}</p>}
    </section>
  );
}
