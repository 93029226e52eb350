/**
 * The shape every diagnostic shares. A check is a pure function of what the DNS said so far:
 * it gets the report without its findings (checks never read each other's output) and returns
 * its own findings, usually none.
 *
 * Reports are built progressively (`status: 'running'`, many answers `'pending'`), and checks run
 * on every partial report. A check must only say what later answers cannot contradict: it waits
 * for the answers its claim depends on, and says nothing until then.
 */
import type { Report } from '../report';
import type { Finding } from '../vocabulary';

export type ReportFacts = Omit<Report, 'findings'>;

export type Check = (report: ReportFacts) => Finding[];

/** A check with a stable name (function names do not survive minification). */
export interface NamedCheck {
  /** Kebab-case, the same as the check's file name: `null-mx`. */
  name: string;
  run: Check;
}
