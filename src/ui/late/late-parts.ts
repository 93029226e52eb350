/** The parts of a report that are never in its first paint, loaded as one chunk (lazy-late-parts.tsx). */
export { CopyMenu } from '../copy-menu';
export { ResilienceLine } from '../resilience-line';
export { ReportFooter } from '../report-footer';
