/** Checking a whole list at once: the `src/core/bulk` public API. */
export * from './types';
export { extractEntries, entryLines, entryLinesOf, tableOf, type ExtractOptions } from './extract-entries';
export { readEntries, plainLines, stripBom, isEntryLines, type EntryLine } from './read-entries';
export { findColumn, suggestColumn, type CsvTable } from './csv-table';
export { verdictOf, VERDICT_TEXT, acceptsMail } from './verdict';
export { resultOfReport, failedResult } from './result-of-report';
export { RunControl } from './run-control';
export { progressOf, progressText, formatSeconds, type BulkProgress } from './progress';
export { runBulk, type RunBulkOptions } from './run-bulk';
export { neutraliseCell, domainsCsv, domainsCsvHeader, domainCsvRow, addressesCsv, bulkJson, undeliverableText } from './export-bulk';
export { summarise, type BulkSummary } from './summarise';
