/** Counts per verdict, for the summary line, its bar chart and the CLI's exit status. */
import { VERDICTS, type BulkResult, type Verdict } from './types';
import { acceptsMail } from './verdict';

export interface BulkSummary {
  counts: Record<Verdict, number>;
  domains: number;
  /** Domains that cannot receive mail or could not be checked. */
  notAccepting: number;
}

export function summarise(results: readonly (BulkResult | undefined)[]): BulkSummary {
  const counts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  let domains = 0;
  let notAccepting = 0;
  for (const result of results) {
    if (!result) continue;
    counts[result.verdict]++;
    domains++;
    if (!acceptsMail(result.verdict)) notAccepting++;
  }
  return { counts, domains, notAccepting };
}
