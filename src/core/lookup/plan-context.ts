/**
 * What every stage of the lookup plan shares (lookup-mail.ts makes one per lookup): the query,
 * the draft report the stages fill, the books every question goes through (ask-tracker.ts), the
 * bounds on the work (work-budget.ts), and the switches the caller chose (lookup-options.ts).
 * The stages (mx-stage.ts, address-stage.ts, ptr-stage.ts, txt-stage.ts) are handlers of
 * answers: each reads an answer into the draft and asks what that answer makes askable, at the
 * answer's own depth, so nothing waits for an answer it does not need.
 */
import type { Report } from '../report';
import type { Query } from '../vocabulary';
import type { AfterRouting } from './after-routing';
import type { AskTracker, Outcome } from './ask-tracker';
import type { WorkBudget } from './work-budget';

export interface PlanContext {
  readonly query: Query;
  /** The report as it grows; snapshots are deep copies of it (lookup-mail.ts). */
  readonly draft: Report;
  readonly tracker: AskTracker;
  readonly budget: WorkBudget;
  /** Work held until the routing report is complete (after-routing.ts): here, the networks. */
  readonly afterRouting: AfterRouting;
  /** Ask PTR for every address. */
  readonly ptr: boolean;
  /** Forward-confirm each PTR name (only with `ptr`). */
  readonly fcrdns: boolean;
  /** Look up the network (AS, prefix, country) of every mail server address. */
  readonly asn: boolean;
  /** Ask the name's own A and AAAA (the implicit MX's) beside MX, or only after NODATA (lookup-options.ts). */
  readonly nameAddresses: 'with-mx' | 'after-nodata';
  /** Told of the answers the mail sections are handed (mail-bridge.ts); none without diagnostics. */
  readonly watcher?: RoutingWatcher | undefined;
}

/** Who hears the routing's MX and mail-host address answers as they land, besides the draft. */
export interface RoutingWatcher {
  mxAnswer(outcome: Outcome): void;
  /** `host` is the exchange's (the domain itself for an implicit MX). */
  hostAnswer(host: string, type: 'A' | 'AAAA', outcome: Outcome): void;
}
