/**
 * The lines `mxray --bulk` writes, one format each: NDJSON (a JSON object a line, the
 * interface to anything bigger), CSV (papaparse, cells made inert against formula injection),
 * and an aligned table for people, written row by row as domains finish. With --all, every
 * format carries the scorecard (the CSV's `scorecard_*` columns, `scorecard` in JSON).
 */
import { domainCsvRow, domainsCsvHeader } from '../../core/bulk/export-bulk';
import type { BulkInvalid, BulkResult, BulkSummary } from '../../core/bulk';
import { VERDICT_TEXT } from '../../core/bulk/verdict';
import { VERDICTS } from '../../core/bulk/types';
import { terminalSafe } from '../terminal-safe';

/** `domain` is the ASCII form; `display` the Unicode one. */
export function resultJson(result: BulkResult): string {
  return JSON.stringify(result);
}

/** An entry that is not a domain: `input` and `invalid`, and no `domain`. */
export function invalidJson(entry: BulkInvalid): string {
  return JSON.stringify({ input: entry.input, invalid: entry.invalid, line: entry.line });
}

export { domainsCsvHeader as csvHeader, domainCsvRow as csvRow };

export interface TableLayout {
  domainWidth: number;
  mailSetup: boolean;
}

const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

export function tableHeader(layout: TableLayout): string {
  const setup = layout.mailSetup ? `${'SPF'.padEnd(6)}  ${'DMARC'.padEnd(12)}  ${'WORST'.padEnd(11)}  ` : '';
  return `${cut('DOMAIN', layout.domainWidth)}  ${'ADDR'.padStart(5)}  ${'VERDICT'.padEnd(34)}  ${'MX'.padStart(3)}  ${cut('PRIMARY MX', 32)}  ${cut('PROVIDER', 20)}  ${setup}NOTE`;
}

export function tableRow(result: BulkResult, layout: TableLayout): string {
  // The scorecard's worst line (docs/scorecard.md); the exports carry every line.
  const setup = layout.mailSetup ? `${cut(result.spf ?? '', 6)}  ${cut(result.dmarc ?? '', 12)}  ${cut(result.scorecardWorst ?? '', 11)}  ` : '';
  const note = result.error ?? result.worstFinding ?? '';
  return terminalSafe(
    `${cut(result.display, layout.domainWidth)}  ${String(result.addresses).padStart(5)}  ${cut(result.verdictText, 34)}  ${String(result.mxCount).padStart(3)}  ${cut(result.primaryMx ?? '', 32)}  ${cut(result.provider ?? '', 20)}  ${setup}${note}`.trimEnd(),
  );
}

export function invalidLine(entry: BulkInvalid): string {
  return terminalSafe(`line ${entry.line}: ${entry.input}: ${entry.invalid}`);
}

/** `8 domains: 2 accepts mail, 1 does not exist, ...` with a bar per verdict. */
export function summaryLines(summary: BulkSummary, invalid: number): string[] {
  const lines = [
    `${summary.domains} domain${summary.domains === 1 ? '' : 's'} checked, ${summary.notAccepting} cannot receive mail or could not be checked${invalid ? `, ${invalid} entr${invalid === 1 ? 'y' : 'ies'} not checked` : ''}`,
  ];
  const most = Math.max(1, ...VERDICTS.map((verdict) => summary.counts[verdict]));
  for (const verdict of VERDICTS) {
    const count = summary.counts[verdict];
    if (count === 0) continue;
    lines.push(`  ${VERDICT_TEXT[verdict].padEnd(34)} ${String(count).padStart(6)}  ${'█'.repeat(Math.max(1, Math.round((count / most) * 30)))}`);
  }
  return lines;
}
