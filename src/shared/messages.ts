/**
 * The messages between the UIs and the service worker, as one typed map both sides import,
 * so a renamed field fails the build. Lookups stream over a port named `lookup`.
 */
import type { Report } from '../core/report';

export const LOOKUP_PORT = 'lookup';

/** UI -> worker on the lookup port. */
export type LookupRequest = { type: 'lookup'; input: string };

/** Worker -> UI on the lookup port: each partial report, then the final one, or a bad-input error. */
export type LookupMessage =
  | { type: 'report'; report: Report }
  | { type: 'invalid'; message: string };
