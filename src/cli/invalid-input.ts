/**
 * What `--json` prints for an input that is not a name, an email, a URL or an IP: a result of
 * its own, in the same place a report would be, so a program reading the output gets one entry
 * per input, in order, and can tell which failed and why (never a bare `[]`).
 */
import type { InvalidQuery, InvalidQueryJson } from '../core/query/invalid-query';
import type { ErrorInfo, Finding } from '../core/report';
import { REPORT_VERSION } from '../core/report';

export interface InvalidInputResult {
  version: typeof REPORT_VERSION;
  status: 'invalid';
  input: string;
  error: InvalidQueryJson;
  errors: ErrorInfo[];
  findings: Finding[];
}

export function invalidInputResult(input: string, error: InvalidQuery): InvalidInputResult {
  return {
    version: REPORT_VERSION,
    status: 'invalid',
    input: error.input,
    error: error.toJSON(),
    errors: [{ code: error.code, message: error.message }],
    findings: [{ code: error.code, severity: 'error', message: error.message, subject: input.slice(0, 300) }],
  };
}
