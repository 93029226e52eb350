/**
 * The routing alone (MX, addresses, PTR, forward confirmation), without the mail diagnostics and
 * without findings: what a page asks itself while the service worker wakes (issue 24,
 * docs/architecture.md "The first questions"). It loads none of the mail checks' code, so the
 * popup's bundle carries only the plan's stages, the DoH client and the wire codec. The report's
 * findings stay empty: the worker's full report brings them.
 */
import type { DohClient } from '../doh/doh-client';
import type { Report } from '../report';
import type { Query } from '../vocabulary';
import type { LookupOptions } from './lookup-options';
import { runLookupPlan } from './lookup-plan';

export type RoutingOptions = Omit<LookupOptions, 'diagnostics' | 'asn' | 'txt'>;

export function lookupRouting(query: Query, client: DohClient, options: RoutingOptions = {}): Promise<Report> {
  return runLookupPlan(query, client, { ...options, txt: false, asn: false }, { findings: (report) => report });
}
