/**
 * The `--bulk` options of `mxray`: parsed beside the others in `cli-options.ts` (one `parseArgs`
 * call), checked here so the single-lookup options stay as they were.
 */
import { DEFAULT_MAX_LOOKUPS } from '../../core/lookup/bulk-lookup';

export type BulkOutput = 'table' | 'csv' | 'ndjson' | 'json';
const OUTPUTS: readonly BulkOutput[] = ['table', 'csv', 'ndjson', 'json'];

export interface BulkCliOptions {
  /** The list to read: a file path, or `-` for stdin. */
  bulk: string;
  output: BulkOutput;
  /** Lookups in flight at once (the DoH client still caps requests in flight at 64). */
  concurrency: number;
  /** For a CSV: the column to read, by name or 1-based number. */
  column?: string;
}

/** For `parseArgs`: spread into its `options`. */
export const BULK_ARGS = {
  bulk: { type: 'string' },
  output: { type: 'string' },
  concurrency: { type: 'string' },
  column: { type: 'string' },
} as const;

export const BULK_USAGE = `
Many at once:
  --bulk <file|->        check every address and domain in a list (one a line, prose, CSV,
                         "Name" <a@b> lists; - reads stdin); each domain is looked up once
  --output <format>      table (default), csv, ndjson (one JSON object a line, as each domain
                         finishes) or json
  --concurrency <n>      lookups in flight at once (default ${DEFAULT_MAX_LOOKUPS}; at most 64 requests stay in flight)
  --column <name|n>      for a CSV: read only this column
  Verdicts: accepts, implicit, null-mx, nxdomain, no-mail, failed. Exit status with --bulk:
  0 every domain accepts mail, 1 some cannot or failed, 2 unreadable file or nothing to check.`;

export function readBulkOptions(values: {
  bulk?: string;
  output?: string;
  concurrency?: string;
  column?: string;
}): BulkCliOptions | { error: string } | undefined {
  if (values.bulk === undefined) {
    for (const flag of ['output', 'concurrency', 'column'] as const) {
      if (values[flag] !== undefined) return { error: `--${flag} goes with --bulk <file>` };
    }
    return undefined;
  }
  if (values.bulk === '') return { error: '--bulk takes a file name, or - for stdin' };
  const output = values.output ?? 'table';
  if (!(OUTPUTS as readonly string[]).includes(output)) return { error: `--output is table, csv, ndjson or json (got "${output}")` };
  const concurrency = values.concurrency === undefined ? DEFAULT_MAX_LOOKUPS : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 512) {
    return { error: `--concurrency takes a whole number between 1 and 512 (got "${values.concurrency}")` };
  }
  const options: BulkCliOptions = { bulk: values.bulk, output: output as BulkOutput, concurrency };
  if (values.column !== undefined) options.column = values.column;
  return options;
}
