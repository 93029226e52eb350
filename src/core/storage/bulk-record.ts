/**
 * The stored bulk run (IndexedDB `mxray-bulk`; src/background/bulk/bulk-store.ts): one `jobs`
 * record (the list, options, status) and one `results` record per finished domain.
 *
 * Versions, job and row alike: 1 = release 0.1.0 (no `version` field); 2 = the same fields with
 * `version: 2` (a row's result may hold the scorecard, `scorecard` and `scorecardWorst`, both
 * optional). Step 1 -> 2 stamps the version. A row that does not read is left out: a resumed run
 * checks that domain again, as it does any domain without a row.
 */
import { VERDICTS, type BulkInput, type BulkResult } from '../bulk/types';
import { isNumber, isObject, isOptional, isStrings, migrate, readFail, readOk, type Read, type Shape } from '../versioned';

export const CURRENT_VERSION = 2;

/** The job as stored (the shells' `BulkJobView`, which must stay assignable to it). */
export interface StoredBulkJob {
  version?: number;
  id: string;
  status: 'running' | 'paused' | 'done' | 'cancelled';
  input: BulkInput;
  mailSetup: boolean;
  total: number;
  done: number;
  runningMs: number;
}

export interface StoredBulkRow {
  version?: number;
  index: number;
  result: BulkResult;
}

const STATUSES = new Set(['running', 'paused', 'done', 'cancelled']);
const isText = (v: unknown) => typeof v === 'string';

function inputProblem(input: unknown): string | undefined {
  if (!isObject(input)) return 'has no list';
  if (!isNumber(input.addressCount) || !isNumber(input.duplicates)) return 'has no address counts';
  if (
    !Array.isArray(input.domains) ||
    !input.domains.every((d) => isObject(d) && isText(d.domain) && isText(d.display) && isStrings(d.addresses) && typeof d.bare === 'boolean')
  )
    return 'has a list of domains that does not read';
  if (!Array.isArray(input.invalid) || !input.invalid.every((d) => isObject(d) && isText(d.input) && isText(d.invalid) && isNumber(d.line)))
    return 'has a list of invalid entries that does not read';
  return undefined;
}

export const BULK_JOB_SHAPE: Shape<StoredBulkJob> = {
  what: 'bulk job',
  current: CURRENT_VERSION,
  steps: { 1: (raw) => ({ ...raw, version: 2 }) },
  validate(raw) {
    if (!isText(raw.id)) return readFail('the bulk job has no id');
    if (!STATUSES.has(raw.status as string)) return readFail(`the bulk job's status is ${JSON.stringify(raw.status)}`);
    if (typeof raw.mailSetup !== 'boolean') return readFail('the bulk job does not say whether it checks the mail setup');
    for (const field of ['total', 'done', 'runningMs'] as const) if (!isNumber(raw[field])) return readFail(`the bulk job's "${field}" is not a number`);
    const problem = inputProblem(raw.input);
    if (problem) return readFail(`the bulk job ${problem}`);
    return readOk({ ...(raw as unknown as StoredBulkJob), version: CURRENT_VERSION });
  },
};

function resultProblem(result: unknown): string | undefined {
  if (!isObject(result)) return 'has no result';
  if (!isText(result.domain) || !isText(result.display)) return 'has no domain';
  if (!VERDICTS.includes(result.verdict as never) || !isText(result.verdictText)) return 'has no verdict';
  if (!isNumber(result.addresses) || !isNumber(result.mxCount)) return 'has no counts';
  for (const field of ['primaryMx', 'provider', 'spf', 'dmarc', 'scorecardWorst', 'worstFinding', 'error'] as const)
    if (!isOptional(result[field], isText)) return `has a "${field}" that is not text`;
  if (!isOptional(result.scorecard, (s) => isObject(s) && Object.values(s).every(isText))) return 'has a scorecard that does not read';
  return undefined;
}

export const BULK_ROW_SHAPE: Shape<StoredBulkRow> = {
  what: 'bulk result row',
  current: CURRENT_VERSION,
  steps: { 1: (raw) => ({ ...raw, version: 2 }) },
  validate(raw) {
    if (!Number.isInteger(raw.index) || (raw.index as number) < 0) return readFail('the bulk result row has no index');
    const problem = resultProblem(raw.result);
    if (problem) return readFail(`the bulk result row ${raw.index as number} ${problem}`);
    return readOk({ ...(raw as unknown as StoredBulkRow), version: CURRENT_VERSION });
  },
};

export function migrateBulkJob(raw: unknown): Read<StoredBulkJob> {
  return migrate(BULK_JOB_SHAPE, raw);
}

export function migrateBulkRow(raw: unknown): Read<StoredBulkRow> {
  return migrate(BULK_ROW_SHAPE, raw);
}
