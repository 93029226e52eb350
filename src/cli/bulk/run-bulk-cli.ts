/**
 * `mxray --bulk FILE`: read the list, look every domain up once on the shared DoH client, and
 * write each result as soon as it finishes (NDJSON streams; the JSON document comes at the
 * end). A progress line goes to stderr only when stderr is a terminal (`io.progress`).
 */
import { extractEntries, findColumn, runBulk, summarise, tableOf, progressOf, progressText, type BulkResult } from '../../core/bulk';
import type { DohClient } from '../../core/doh/doh-client';
import type { LookupOptions } from '../../core/lookup/lookup-options';
import type { CliIo } from '../cli-io';
import { terminalSafe } from '../terminal-safe';
import type { BulkCliOptions } from './bulk-options';
import { csvHeader, csvRow, invalidJson, invalidLine, resultJson, summaryLines, tableHeader, tableRow } from './format-bulk';
import { readList, readStdin } from './read-list';

/** The progress line is redrawn at most this often. */
const PROGRESS_INTERVAL_MS = 100;

/** `lookup`: the options of the 'cli-bulk' context (src/shared/lookup-options-from.ts), each lookup's as they are. */
export async function runBulkCli(options: BulkCliOptions, client: DohClient, io: CliIo, lookup: LookupOptions): Promise<number> {
  const { diagnostics } = lookup;
  const list = await readList(options.bulk, io.stdin ?? readStdin);
  if ('error' in list) {
    io.err(`mxray: ${terminalSafe(list.error)}`);
    return 2;
  }
  let column: number | undefined;
  if (options.column !== undefined) {
    const table = tableOf(list.text);
    column = table && findColumn(table, options.column);
    if (column === undefined) {
      io.err(
        `mxray: ${terminalSafe(table ? `no column "${options.column}"; the columns are: ${table.columns.join(', ')}` : `--column: ${options.bulk} is not a table with several columns`)}`,
      );
      return 2;
    }
  }
  const input = extractEntries(list.text, column === undefined ? {} : { column });
  const { output } = options;
  const layout = { domainWidth: Math.min(40, Math.max(6, ...input.domains.map((d) => d.display.length))), mailSetup: diagnostics !== undefined };
  if (output === 'ndjson') for (const entry of input.invalid) io.out(invalidJson(entry));
  else if (output !== 'json') for (const entry of input.invalid) io.err(`mxray: not checked, ${invalidLine(entry)}`);
  if (input.domains.length === 0) {
    io.err(
      `mxray: ${input.invalid.length ? 'no domain or email address to check in' : 'nothing to check in'} ${options.bulk === '-' ? 'stdin' : options.bulk}.`,
    );
    if (output === 'json') io.out(JSON.stringify({ summary: summarise([]), domains: [], invalid: input.invalid }, null, 2));
    return 2;
  }
  if (output === 'csv') io.out(csvHeader());
  if (output === 'table') io.out(tableHeader(layout));

  const started = Date.now();
  let done = 0;
  let drawn = 0;
  const results = await runBulk(input.domains, client, {
    maxLookups: options.concurrency,
    lookup,
    onResult: (result: BulkResult) => {
      done++;
      if (output === 'ndjson') io.out(resultJson(result));
      else if (output === 'csv') io.out(csvRow(result));
      else if (output === 'table') io.out(tableRow(result, layout));
      const now = Date.now();
      if (io.progress && (now - drawn >= PROGRESS_INTERVAL_MS || done === input.domains.length)) {
        drawn = now;
        io.progress(progressText(progressOf(done, input.domains.length, now - started)));
      }
    },
  });
  io.progress?.('');
  const finished = results.filter((result): result is BulkResult => result !== undefined);
  const summary = summarise(finished);
  if (output === 'json')
    io.out(JSON.stringify({ summary, domains: finished, invalid: input.invalid, addressCount: input.addressCount, duplicates: input.duplicates }, null, 2));
  if (output === 'table') io.out(['', ...summaryLines(summary, input.invalid.length)].join('\n'));
  return summary.notAccepting > 0 || finished.length < input.domains.length ? 1 : 0;
}
