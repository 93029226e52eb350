/**
 * What a bulk check hands over: CSV (one row per domain or one per address), JSON, and the
 * addresses that cannot receive mail as plain text. UTF-8, IDNs in Unicode with the ASCII form
 * beside them.
 *
 * CSV goes to spreadsheets, and a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`,
 * tab or CR as a formula (CSV injection). Every such cell is made inert as OWASP advises: a
 * single quote in front, and every cell quoted. DNS data and the person's own list both reach
 * these cells, so neither is trusted. The quoting itself is papaparse's.
 */
import Papa from 'papaparse';
import { SCORECARD_IDS } from '../mail/scorecard/types';
import type { BulkInput, BulkInvalid, BulkResult } from './types';
import { acceptsMail } from './verdict';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet will show as text, never evaluate. */
export function neutraliseCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const DOMAIN_COLUMNS = [
  'domain',
  'domain_ascii',
  'addresses',
  'verdict',
  'verdict_text',
  'primary_mx',
  'mx_count',
  'provider',
  'spf',
  'dmarc',
  'worst_finding',
  'error',
  // The scorecard (--all), last so the columns above keep their places: the worst line, how many
  // fail and warn (sort by these to put the worst domains first), then each line's status.
  'scorecard_worst',
  'scorecard_fails',
  'scorecard_warns',
  ...SCORECARD_IDS.map((id) => `scorecard_${id.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`),
];

function domainCells(result: BulkResult): (string | number | undefined)[] {
  return [
    result.display,
    result.domain,
    result.addresses,
    result.verdict,
    result.verdictText,
    result.primaryMx,
    result.mxCount,
    result.provider,
    result.spf,
    result.dmarc,
    result.worstFinding,
    result.error,
    ...scorecardCells(result),
  ];
}

function scorecardCells(result: BulkResult): (string | number | undefined)[] {
  const card = result.scorecard;
  if (!card) return [undefined, undefined, undefined, ...SCORECARD_IDS.map(() => undefined)];
  const count = (status: string) => Object.values(card).filter((value) => value === status).length;
  return [result.scorecardWorst, count('fail'), count('warn'), ...SCORECARD_IDS.map((id) => card[id])];
}

function toCsv(header: string[], rows: (string | number | undefined)[][]): string {
  return Papa.unparse({ fields: header, data: rows.map((row) => row.map(neutraliseCell)) }, { quotes: true, newline: '\r\n' });
}

/** One row per domain. */
export function domainsCsv(results: readonly BulkResult[]): string {
  return toCsv(DOMAIN_COLUMNS, results.map(domainCells));
}

/** The CSV header and one row, for writing rows as they finish (the CLI). */
export function domainsCsvHeader(): string {
  return toCsv(DOMAIN_COLUMNS, []).trimEnd();
}

export function domainCsvRow(result: BulkResult): string {
  return Papa.unparse([domainCells(result).map(neutraliseCell)], { quotes: true, newline: '\r\n' });
}

/** One row per input address (a bare domain is a row with an empty address), then the invalid entries. */
export function addressesCsv(input: BulkInput, results: readonly BulkResult[], invalid: readonly BulkInvalid[] = input.invalid): string {
  const byDomain = new Map(results.map((result) => [result.domain, result]));
  const rows: (string | number | undefined)[][] = [];
  for (const entry of input.domains) {
    const result = byDomain.get(entry.domain);
    const cells = result ? domainCells(result).slice(3) : ['pending'];
    const emails = entry.addresses.length > 0 ? entry.addresses : [''];
    for (const address of emails) rows.push([displayAddress(address, entry.display), entry.display, entry.domain, ...cells]);
  }
  for (const bad of invalid) rows.push([bad.input, '', '', 'invalid', bad.invalid]);
  return toCsv(['address', 'domain', 'domain_ascii', ...DOMAIN_COLUMNS.slice(3)], rows);
}

/** `user@xn--bcher-kva.de` -> `user@bücher.de`: people read the Unicode form. */
function displayAddress(address: string, display: string): string {
  const at = address.lastIndexOf('@');
  return at === -1 ? address : `${address.slice(0, at)}@${display}`;
}

export function bulkJson(input: BulkInput, results: readonly BulkResult[]): string {
  return JSON.stringify({ domains: results, invalid: input.invalid, addressCount: input.addressCount, duplicates: input.duplicates }, null, 2);
}

/**
 * The addresses whose domain cannot receive mail (and bare domains that cannot), one a line,
 * for a suppression list. Domains whose lookup failed are left out: they may well accept mail.
 */
export function undeliverableText(input: BulkInput, results: readonly BulkResult[]): string {
  const byDomain = new Map(results.map((result) => [result.domain, result]));
  const lines: string[] = [];
  for (const entry of input.domains) {
    const result = byDomain.get(entry.domain);
    if (!result || acceptsMail(result.verdict) || result.verdict === 'failed') continue;
    if (entry.addresses.length === 0) lines.push(entry.display);
    for (const address of entry.addresses) lines.push(displayAddress(address, entry.display));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
