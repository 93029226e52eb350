/**
 * The lookup plan (docs/architecture.md, "round trips are the budget"). Nothing waits for an
 * answer it does not need:
 *   1. at once, in parallel: MX, TXT, _dmarc TXT, and A/AAAA of the name (for implicit MX);
 *   2. the moment MX lands: A and AAAA of every exchange;
 *   3. the moment an address lands: its PTR;
 *   4. the moment a PTR lands: the forward lookup of each PTR name (FCrDNS);
 * then the mail diagnostics and the networks (ASN), once that routing report is complete and on
 * screen (after-routing.ts). So the first answer is one round trip away, the routing report
 * four, whatever the number of MX hosts. Every answer updates a draft report; snapshots with
 * findings go to `onUpdate` (snapshot-emitter.ts), so a UI paints progressively.
 *
 * This file starts the plan and says when it is done. Each stage is a handler of answers in a
 * file of its own: mx-stage.ts (1 and 2: MX, the implicit MX, the exchanges' address questions),
 * address-stage.ts (2: addresses read), ptr-stage.ts (3 and 4), txt-stage.ts (1: SPF and DMARC
 * TXT); what they share is a `PlanContext` (plan-context.ts). The books (depth, stats, resolver
 * events) are in ask-tracker.ts, answers become exchanges and addresses in exchanges.ts and
 * addresses.ts, and the mail diagnostics are reached through mail-bridge.ts, which hands them
 * the exchanges the moment the MX answer is known and the addresses once they are all in.
 *
 * Failures never escape: each question's failure becomes a status and an `ErrorInfo` in the
 * report; the promise always resolves with a finished report.
 */
import type { DohClient } from '../doh/doh-client';
import type { Report } from '../report';
import type { Query } from '../vocabulary';
import { newAddress } from './addresses';
import { AfterRouting } from './after-routing';
import { AskTracker } from './ask-tracker';
import type { LookupOptions } from './lookup-options';
import { LookupNotices } from './lookup-notices';
import type { MailDiagnostics } from '../mail/mail-types';
import type { MailBridge } from './mail-bridge';
import { MxStage } from './mx-stage';
import type { PlanContext } from './plan-context';
import { askPtr } from './ptr-stage';
import { newReportDraft } from './report-draft';
import { mailAnswerKnown, routingSettled } from './routing-progress';
import { SnapshotEmitter } from './snapshot-emitter';
import { askTxt } from './txt-stage';
import { DEFAULT_WORK_BOUNDS, WorkBudget } from './work-budget';

export type { LookupOptions } from './lookup-options';

/**
 * What a plan is made of beyond its stages: the mail diagnostics' bridge and the findings.
 * lookup-mail.ts passes the real ones; lookup-routing.ts none, so a page that runs only the
 * routing (the popup's first questions, issue 24) does not load the mail checks' code.
 */
export interface PlanParts {
  mailBridge?: (
    draft: Report,
    diagnostics: NonNullable<LookupOptions['diagnostics']>,
    tracker: AskTracker,
    afterRouting: AfterRouting,
    signal?: AbortSignal,
  ) => MailBridge;
  /** The report's empty mail section, for the diagnostics asked. */
  newMail?: (diagnostics: NonNullable<LookupOptions['diagnostics']>) => MailDiagnostics;
  /** The report with its findings, from a deep copy the plan no longer touches. */
  findings: (report: Report) => Report;
}

export function runLookupPlan(query: Query, client: DohClient, options: LookupOptions, parts: PlanParts): Promise<Report> {
  return new LookupPlan(query, client, options, parts).run();
}

class LookupPlan {
  private readonly draft: Report;
  private readonly now: () => number;
  private readonly plan: PlanContext;
  private readonly tracker: AskTracker;
  private readonly emitter: SnapshotEmitter | undefined;
  private readonly mail: MailBridge | undefined;
  private readonly afterRouting: AfterRouting;
  private finish: (report: Report) => void = () => undefined;
  /** The complete routing report has gone out (once, at once). */
  private routingSent = false;

  constructor(
    private readonly query: Query,
    client: DohClient,
    private readonly options: LookupOptions,
    private readonly parts: PlanParts,
  ) {
    this.now = options.now ?? Date.now;
    this.draft = newReportDraft(query, client.providers[0]!.id, this.now(), options.diagnostics && parts.newMail?.(options.diagnostics));
    const budget = new WorkBudget(this.draft, { ...DEFAULT_WORK_BOUNDS, ...options.bounds });
    // "Cloudflare is slow to answer; also asking Google." goes out in the next snapshot.
    const notices = new LookupNotices(this.draft, this.now, () => this.emitter?.request());
    this.tracker = new AskTracker(client, this.draft, { signal: options.signal, budget, onNotice: notices.onNotice, prior: options.prior }, (idle) =>
      this.settled(idle),
    );
    if (options.onUpdate) {
      this.emitter = new SnapshotEmitter({ send: () => void this.snapshot(), answerKnown: () => mailAnswerKnown(this.draft), now: this.now });
    }
    this.afterRouting = new AfterRouting(this.tracker, options.signal);
    if (this.draft.mail && options.diagnostics && parts.mailBridge)
      this.mail = parts.mailBridge(this.draft, options.diagnostics, this.tracker, this.afterRouting, options.signal);
    const ptr = options.ptr ?? true;
    this.plan = {
      query,
      draft: this.draft,
      tracker: this.tracker,
      budget,
      afterRouting: this.afterRouting,
      ptr,
      fcrdns: ptr && (options.fcrdns ?? true),
      asn: options.asn ?? false,
      nameAddresses: options.nameAddresses ?? 'with-mx',
      watcher: this.mail,
    };
  }

  run(): Promise<Report> {
    const done = new Promise<Report>((resolve) => (this.finish = resolve));
    this.tracker.hold(); // hold the report open until every stage-1 question is asked
    if (this.query.kind === 'ip') this.startIp();
    else {
      new MxStage(this.plan).start();
      askTxt(this.plan, this.options.txt !== false);
    }
    this.tracker.release();
    return done;
  }

  /** An address typed in: the plan starts at stage 3, its PTR (and the forward check). */
  private startIp(): void {
    const address = newAddress(this.query.name, this.query.family ?? 4, 0, this.plan.ptr);
    this.draft.ptr = address;
    askPtr(this.plan, address, 0);
  }

  /** After every answer: hand on what the diagnostics wait for, then paint or finish. */
  private settled(idle: boolean): void {
    const mxKnown = mailAnswerKnown(this.draft);
    this.mail?.noticeExchanges(mxKnown);
    this.mail?.noticeAddresses(mxKnown);
    if (!idle) {
      const routed = routingSettled(this.draft);
      // The complete routing report goes out at once, not a frame later, before the checks start.
      if (routed && !this.routingSent) {
        this.routingSent = true;
        this.emitter?.sendNow();
      } else this.emitter?.request();
      this.mail?.startWhenMxKnown();
      if (routed) this.afterRouting.release();
      return;
    }
    this.afterRouting.release(); // its listener on a bulk run's shared signal goes with the lookup
    this.draft.status = 'done';
    this.emitter?.cancel();
    this.finish(this.snapshot());
  }

  /** A deep copy with findings, so listeners can keep or send it while the draft grows. */
  private snapshot(): Report {
    this.draft.elapsedMs = Math.round(this.now() - this.draft.startedAt);
    const snapshot = this.parts.findings(structuredClone(this.draft));
    try {
      this.options.onUpdate?.(snapshot);
    } catch {
      // A listener's bug must not stop the lookup.
    }
    return snapshot;
  }
}
