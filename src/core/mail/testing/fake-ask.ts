/**
 * A `DnsAsk` over an in-memory zone, for unit tests of the mail diagnostics. Keys are
 * `"name TYPE"` (lower case, no trailing dot); a missing key is NODATA when some other key has
 * the same name, NXDOMAIN otherwise. Every question is logged in `asked` (in order).
 */
import type { AnswerStatus } from '../../vocabulary';
import type { AskResult, DnsAsk, MailQuestionType } from '../dns-ask';

/** Values for a question, or a status to answer with instead (`servfail`, `error`, ...). */
export type FakeRecords = Record<string, string[] | AnswerStatus>;

export interface FakeAsk {
  ask: DnsAsk;
  asked: string[];
}

export function fakeAsk(records: FakeRecords, options: { authenticated?: boolean; ttl?: number } = {}): FakeAsk {
  const asked: string[] = [];
  const names = new Set(Object.keys(records).map((key) => key.split(' ')[0]!));
  const ask: DnsAsk = (name, type: MailQuestionType, after) => {
    const key = `${name.toLowerCase().replace(/\.$/, '')} ${type}`;
    asked.push(key);
    const entry = records[key];
    const depth = (after?.depth ?? 0) + 1;
    const base = { name, type, authenticated: options.authenticated ?? false, depth };
    let result: AskResult;
    if (Array.isArray(entry)) result = { ...base, status: entry.length > 0 ? 'ok' : 'nodata', values: entry, ttl: options.ttl ?? 300 };
    else if (typeof entry === 'string')
      result = {
        ...base,
        status: entry,
        values: [],
        ...(entry === 'error' ? { error: { code: 'resolver-timeout', message: 'The resolver did not answer within 4 s.' } } : {}),
      };
    else result = { ...base, status: names.has(key.split(' ')[0]!) ? 'nodata' : 'nxdomain', values: [] };
    return Promise.resolve(result);
  };
  return { ask, asked };
}
