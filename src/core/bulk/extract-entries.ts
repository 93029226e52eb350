/**
 * Every email address and domain in a list, whatever its shape: one entry per line, addresses
 * inside prose, `"Name" <a@b>` lists, a CSV export (the person may pick the column).
 *
 * Two steps, so the CSV library stays out of the service worker: `entryLines` turns the text
 * into lines to read (CSV cells or rows, with papaparse, in the page or the CLI), and
 * `readEntries` (read-entries.ts, where the worker does it) reads each one.
 */
import { readCsvTable, suggestColumn, type CsvTable } from './csv-table';
import { plainLines, readEntries, stripBom, type EntryLine } from './read-entries';
import type { BulkInput } from './types';

export interface ExtractOptions {
  /** Read only this column (0-based) of a CSV table; every cell is one entry. */
  column?: number;
}

export function extractEntries(text: string, options: ExtractOptions = {}): BulkInput {
  return readEntries(entryLines(text, options));
}

/** The lines of `text` to read for entries, each with its line (or CSV row) number. */
export function entryLines(text: string, options: ExtractOptions = {}): EntryLine[] {
  const clean = stripBom(text);
  return entryLinesOf(clean, readCsvTable(clean), options);
}

/**
 * The same lines from a text already read by `tableOf` (`table` its answer, `undefined` when it
 * is no table): the bulk page reads the box once for its column picker, and a 10,000-row paste
 * read a second time at the click was a long task of its own.
 */
export function entryLinesOf(text: string, table: CsvTable | undefined, options: ExtractOptions = {}): EntryLine[] {
  const column = options.column ?? (table && !text.includes('@') ? suggestColumn(table) : undefined);
  if (table && column !== undefined) return table.rows.map((row, index) => ({ text: row[column] ?? '', line: table.firstRow + index }));
  // A contact export: the addresses of every column, one row at a time (a quoted cell may
  // hold line breaks); a row without any is listed, as a junk line would be.
  if (table) return table.rows.map((row, index) => ({ text: row.join(', '), line: table.firstRow + index }));
  return plainLines(text);
}

/** The columns of `text` when it is a table with several, for a column picker. */
export function tableOf(text: string): CsvTable | undefined {
  return readCsvTable(stripBom(text));
}
