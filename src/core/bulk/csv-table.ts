/**
 * A pasted or dropped list that is a table (a CSV from a mail or CRM tool, an Outlook or Gmail
 * contact export): read by papaparse, which handles quotes, quoted newlines and the delimiter
 * (comma, semicolon, tab, bar). Only a text with several columns on most rows counts as a
 * table; a plain list, one entry per line, does not.
 */
import Papa from 'papaparse';
import { stripBom } from './read-entries';

export interface CsvTable {
  /** Column names: the first row when it looks like a header, else `Column 1`, `Column 2`, ... */
  columns: string[];
  /** The data rows (the header row not among them). */
  rows: string[][];
  /** The first data row's 1-based row number (2 after a header). */
  firstRow: number;
}

export function readCsvTable(text: string): CsvTable | undefined {
  const parsed = Papa.parse<string[]>(stripBom(text), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const data = parsed.data.filter((row) => Array.isArray(row));
  if (data.length < 2 || data[0]!.length < 2) return undefined;
  const width = data[0]!.length;
  const sameWidth = data.filter((row) => row.length === width).length;
  if (sameWidth < data.length * 0.8) return undefined;
  // A header names columns; a first row with an address in it is data.
  const header = data[0]!.every((cell) => !cell.includes('@'));
  const columns = header ? data[0]!.map((cell, index) => cell.trim() || `Column ${index + 1}`) : data[0]!.map((_, index) => `Column ${index + 1}`);
  return { columns, rows: header ? data.slice(1) : data, firstRow: header ? 2 : 1 };
}

/**
 * The column most likely to hold what the person wants checked: the one with the most cells
 * holding an "@" (`E-mail Address`, `E-mail 1 - Value`), else the one with the most cells that
 * look like domain names (`example.com`), else the first.
 */
export function suggestColumn(table: CsvTable): number {
  const score = (test: (cell: string) => boolean) =>
    table.columns.map((_, column) => table.rows.reduce((sum, row) => sum + (test(row[column] ?? '') ? 1 : 0), 0));
  const best = (scores: number[]) => scores.reduce((top, value, index) => (value > scores[top]! ? index : top), 0);
  const emails = score((cell) => /[^\s@]@[^\s@]+\.[^\s@]/.test(cell));
  if (emails.some((count) => count > 0)) return best(emails);
  const domains = score((cell) => /^\s*[^\s@,;]+\.[^\s@,;.]{2,}\.?\s*$/u.test(cell));
  return best(domains);
}

/** The column asked for by name (case-insensitive) or 1-based number; `undefined` when none is. */
export function findColumn(table: CsvTable, wanted: string): number | undefined {
  const byName = table.columns.findIndex((name) => name.toLowerCase() === wanted.trim().toLowerCase());
  if (byName !== -1) return byName;
  const number = Number(wanted);
  return Number.isInteger(number) && number >= 1 && number <= table.columns.length ? number - 1 : undefined;
}
