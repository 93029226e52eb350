/**
 * The whole lookup: the routing plan (lookup-plan.ts) with the mail diagnostics and every
 * finding. What the worker, the CLI, the watch list and bulk runs use.
 */
import type { DohClient } from '../doh/doh-client';
import type { Report } from '../report';
import { withFindings } from '../report-findings';
import type { Query } from '../vocabulary';
import type { LookupOptions } from './lookup-options';
import { newMailDiagnostics } from '../mail/mail-diagnostics';
import { MailBridge } from './mail-bridge';
import { runLookupPlan } from './lookup-plan';

export type { LookupOptions } from './lookup-options';

export function lookupMail(query: Query, client: DohClient, options: LookupOptions = {}): Promise<Report> {
  return runLookupPlan(query, client, options, {
    newMail: newMailDiagnostics,
    mailBridge: (draft, diagnostics, tracker, afterRouting, signal) => new MailBridge(draft, diagnostics, tracker, afterRouting, signal),
    findings: withFindings,
  });
}
