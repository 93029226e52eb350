/**
 * The lookup plan (docs/architecture.md, "round trips are the budget"). Nothing waits for an
 * answer it does not need:
 *   1. at once, in parallel: MX, TXT, _dmarc TXT, and A/AAAA of the name (for implicit MX);
 *   2. the moment MX lands: A and AAAA of every exchange;
 *   3. the moment an address lands: its PTR;
 *   4. the moment a PTR lands: the forward lookup of each PTR name (FCrDNS);
 * then the mail diagnostics and the networks (ASN), once that routing report is on screen
 * (after-routing.ts). So the first answer is one round trip away, the routing four, whatever the
 * number of MX hosts; snapshots go to `onUpdate` as answers land (snapshot-emitter.ts). This is the
 * plan only: the books are in ask-tracker.ts, answers become exchanges and addresses in
 * exchanges.ts and addresses.ts, the diagnostics are reached through mail-bridge.ts. Failures
 * never escape: each is a status and an `ErrorInfo`; the promise resolves with a finished report.
 */
import { isQueryableName } from '../dns/message';
import type { DohClient } from '../doh/doh-client';
import { buildPtrName } from '../ip/ptr-name';
import { compareIps } from '../ip/compare-ips';
import { isDmarcRecord } from '../mail/dmarc/parse-dmarc';
import { hostNameProblem } from '../routing-checks/hostname-syntax';
import { recordDomainAnswer, recordHostAnswer } from '../mail/dnssec/record-dnssec';
import { isSpfRecord } from '../mail/spf/parse-spf';
import type { Address, Exchange, Report } from '../report';
import type { Query } from '../vocabulary';
import { withFindings } from '../report-findings';
import { addressesOf, fcrdnsOf, MAX_PTR_NAMES, newAddress, ptrNamesOf } from './addresses';
import { AskTracker, type Outcome } from './ask-tracker';
import { exchangesFromMx, exchangeState, implicitExchange, isNullMx } from './exchanges';
import { MailBridge, trackedAsk } from './mail-bridge';
import { AfterRouting } from './after-routing';
import { minTtl, readAnswer, txtValues } from '../doh/read-answer';
import { newReportDraft } from './report-draft';
import type { LookupOptions } from './lookup-options';
import { SnapshotEmitter } from './snapshot-emitter';
import { mailAnswerKnown, routingSettled } from './routing-progress';
import { addressAnswer, probeAsn } from '../resilience';
import { LookupNotices } from './lookup-notices';
import { DEFAULT_WORK_BOUNDS, notAsked, WorkBudget } from './work-budget';

export type { LookupOptions } from './lookup-options';

export function lookupMail(query: Query, client: DohClient, options: LookupOptions = {}): Promise<Report> {
  return new MailLookup(query, client, options).run();
}

class MailLookup {
  private readonly draft: Report;
  private readonly now: () => number;
  private readonly ptr: boolean;
  private readonly fcrdns: boolean;
  private readonly tracker: AskTracker;
  private readonly budget: WorkBudget;
  private readonly emitter: SnapshotEmitter | undefined;
  private readonly mail: MailBridge | undefined;
  private readonly afterRouting: AfterRouting;
  private finish: (report: Report) => void = () => undefined;
  /** Exchanges sharing a host share one pair of address questions. */
  private readonly exchangesByHost = new Map<string, Exchange[]>();
  /** The name's own addresses (stage 1), kept until we know whether MX is implicit. */
  private readonly hostAnswers: { A?: Outcome; AAAA?: Outcome } = {};
  private mxDepth = 0;
  private routingSent = false;

  constructor(
    private readonly query: Query,
    client: DohClient,
    private readonly options: LookupOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.ptr = options.ptr ?? true;
    this.fcrdns = this.ptr && (options.fcrdns ?? true);
    this.draft = newReportDraft(query, client.providers[0]!.id, this.now(), options.diagnostics);
    this.budget = new WorkBudget(this.draft, { ...DEFAULT_WORK_BOUNDS, ...options.bounds });
    // "Cloudflare is slow to answer; also asking Google." goes out in the next snapshot.
    const notices = new LookupNotices(this.draft, this.now, () => this.emitter?.request());
    this.tracker = new AskTracker(client, this.draft, { signal: options.signal, budget: this.budget, onNotice: notices.onNotice }, (idle) =>
      this.settled(idle),
    );
    if (options.onUpdate) {
      this.emitter = new SnapshotEmitter({ send: () => void this.snapshot(), answerKnown: () => mailAnswerKnown(this.draft), now: this.now });
    }
    this.afterRouting = new AfterRouting(this.tracker, options.signal);
    if (this.draft.mail && options.diagnostics) this.mail = new MailBridge(this.draft, options.diagnostics, this.tracker, this.afterRouting, options.signal);
  }

  run(): Promise<Report> {
    const done = new Promise<Report>((resolve) => (this.finish = resolve));
    this.tracker.hold(); // hold the report open until every stage-1 question is asked
    if (this.query.kind === 'ip') this.startIp();
    else this.startDomain();
    this.tracker.release();
    return done;
  }

  // ---- stage 1 -------------------------------------------------------------------------

  private startDomain(): void {
    const name = this.query.name;
    this.tracker.ask(name, 'MX', 0, (outcome) => this.onMx(outcome));
    this.tracker.ask(name, 'A', 0, (outcome) => this.onHostAddress('A', outcome));
    this.tracker.ask(name, 'AAAA', 0, (outcome) => this.onHostAddress('AAAA', outcome));
    const dmarcName = `_dmarc.${name}`;
    if (this.options.txt === false) Object.assign(this.draft.txt, { status: 'skipped', dmarcStatus: 'skipped' });
    else this.tracker.ask(name, 'TXT', 0, (outcome) => this.onTxt(outcome));
    if (this.options.txt !== false && isQueryableName(dmarcName)) this.tracker.ask(dmarcName, 'TXT', 0, (outcome) => this.onDmarc(outcome));
    else this.draft.txt.dmarcStatus = 'skipped';
  }

  private startIp(): void {
    const address = newAddress(this.query.name, this.query.family ?? 4, 0, this.ptr);
    this.draft.ptr = address;
    this.askPtr(address, 0);
  }

  private onMx(outcome: Outcome): void {
    this.mxDepth = outcome.depth;
    if (!outcome.answer) {
      this.draft.mxStatus = 'error';
      return;
    }
    const read = readAnswer(outcome.answer, 'MX');
    this.draft.mxStatus = read.status;
    this.draft.cname = read.cname;
    if (read.chain) this.draft.cnameProblem = read.chain;
    this.draft.authenticated = outcome.answer.authenticated;
    if (this.draft.mail) recordDomainAnswer(this.draft.mail.dnssec, 'mx', this.query.name, read.status, outcome.answer.authenticated);
    this.draft.mxTtl = minTtl(read.records);
    const exchanges = exchangesFromMx(read.records);
    this.draft.nullMx = isNullMx(exchanges);
    // The most preferred hosts, up to the bound: those are the ones senders try first.
    this.draft.exchanges = this.budget.keepExchanges(exchanges);
    for (const exchange of this.draft.exchanges) {
      if (exchange.state !== 'pending') continue;
      const sharing = this.exchangesByHost.get(exchange.host);
      if (sharing) {
        sharing.push(exchange);
        continue;
      }
      this.exchangesByHost.set(exchange.host, [exchange]);
      for (const type of ['A', 'AAAA'] as const) {
        this.tracker.ask(exchange.host, type, outcome.depth, (result) => this.onExchangeAddress(exchange.host, type, result));
      }
    }
    this.considerImplicitMx();
  }

  private onHostAddress(type: 'A' | 'AAAA', outcome: Outcome): void {
    this.hostAnswers[type] = outcome;
    this.draft.hostStatus[type] = outcome.answer ? readAnswer(outcome.answer, type).status : 'error';
    this.considerImplicitMx();
  }

  /**
   * RFC 5321 §5.1: with no MX records (NODATA), the domain itself is the mail host. Its address
   * questions were asked in stage 1, so this costs no round trip.
   */
  private considerImplicitMx(): void {
    if (this.draft.mxStatus !== 'nodata') return;
    let exchange = this.draft.exchanges.find((e) => e.implicit);
    if (!exchange) {
      if (!(['A', 'AAAA'] as const).some((type) => this.draft.hostStatus[type] === 'ok')) return;
      exchange = implicitExchange(this.query);
      this.draft.exchanges = [exchange];
      this.draft.implicitMx = true;
    }
    for (const type of ['A', 'AAAA'] as const) {
      const outcome = this.hostAnswers[type];
      if (outcome && exchange.addressStatus[type] === 'pending') {
        this.applyAddresses(exchange, type, { ...outcome, depth: Math.max(outcome.depth, this.mxDepth) });
      }
    }
    exchange.ttl = minTtl(exchange.addresses) ?? 0;
  }

  // ---- stage 2: exchange addresses ---------------------------------------------------------

  private onExchangeAddress(host: string, type: 'A' | 'AAAA', outcome: Outcome): void {
    for (const exchange of this.exchangesByHost.get(host) ?? []) this.applyAddresses(exchange, type, outcome);
  }

  private applyAddresses(exchange: Exchange, type: 'A' | 'AAAA', outcome: Outcome): void {
    if (!outcome.answer) {
      exchange.addressStatus[type] = notAsked(outcome.error) ? 'skipped' : 'error';
      exchange.errors.push(outcome.error);
    } else {
      const read = readAnswer(outcome.answer, type);
      exchange.addressStatus[type] = read.status;
      if (read.cname.length > 0) exchange.cname = read.cname;
      if (this.draft.mail) recordHostAnswer(this.draft.mail.dnssec, exchange.host, type, read.status, outcome.answer.authenticated);
      for (const { ip, family, ttl } of addressesOf(read.records)) {
        if (exchange.addresses.some((a) => a.ip === ip) || !this.budget.keepAddress(exchange)) continue;
        const address = newAddress(ip, family, ttl, this.ptr);
        exchange.addresses.push(address);
        this.askPtr(address, outcome.depth);
        if (this.options.asn) {
          // Its network: once the routing report is complete, so never before the mail servers.
          this.afterRouting.run(() => probeAsn(address, trackedAsk(this.tracker, this.draft), addressAnswer(address.ip, address.family, outcome.depth)));
        }
      }
      exchange.addresses.sort((a, b) => compareIps(a.ip, b.ip));
    }
    exchange.state = exchangeState(exchange);
  }

  // ---- stages 3 and 4: PTR and forward confirmation ----------------------------------------

  private askPtr(address: Address, depth: number): void {
    if (!this.ptr) return;
    this.tracker.ask(buildPtrName(address.ip), 'PTR', depth, (outcome) => this.onPtr(address, outcome));
  }

  private onPtr(address: Address, outcome: Outcome): void {
    if (!outcome.answer) {
      address.ptrStatus = notAsked(outcome.error) ? 'skipped' : 'error';
      address.fcrdns = notAsked(outcome.error) ? 'skipped' : 'none';
      return;
    }
    // PTR answers may come through CNAMEs (RFC 2317 classless reverse delegation).
    const read = readAnswer(outcome.answer, 'PTR');
    address.ptrStatus = read.status;
    address.ttl ||= minTtl(read.records) ?? 0;
    address.ptr = ptrNamesOf(read.records, this.fcrdns);
    if (address.ptr.length === 0) {
      address.fcrdns = 'none';
      return;
    }
    if (!this.fcrdns) {
      address.fcrdns = 'skipped';
      return;
    }
    const type = address.family === 4 ? 'A' : 'AAAA';
    address.ptr.forEach((ptrName, index) => {
      // A name that is not a host name (ESC, U+202E, a space...) can never confirm, whatever its A says.
      if (index >= MAX_PTR_NAMES || !isQueryableName(ptrName.name) || hostNameProblem(ptrName.name) !== undefined) {
        ptrName.forwardStatus = 'skipped';
        return;
      }
      this.tracker.ask(ptrName.name, type, outcome.depth, (forward) => {
        const read = forward.answer ? readAnswer(forward.answer, type) : undefined;
        ptrName.forwardStatus = read?.status ?? (notAsked(forward.error) ? 'skipped' : 'error');
        ptrName.forward = addressesOf(read?.records ?? []).map((a) => a.ip);
        address.fcrdns = fcrdnsOf(address);
      });
    });
    address.fcrdns = fcrdnsOf(address);
  }

  // ---- TXT: SPF at the name, DMARC at _dmarc (read with the mail sections' own recognisers) ----

  private onTxt(outcome: Outcome): void {
    const txt = this.draft.txt;
    if (!outcome.answer) {
      txt.status = 'error';
      return;
    }
    const { status, values } = txtValues(outcome.answer);
    Object.assign(txt, { status, records: values, spf: values.filter(isSpfRecord) });
    if (this.draft.mail) recordDomainAnswer(this.draft.mail.dnssec, 'txt', this.query.name, status, outcome.answer.authenticated);
  }

  private onDmarc(outcome: Outcome): void {
    const read = outcome.answer ? txtValues(outcome.answer) : undefined;
    this.draft.txt.dmarcStatus = read?.status ?? 'error';
    if (read) this.draft.txt.dmarc = read.values.filter(isDmarcRecord);
  }

  // ---- progress ----------------------------------------------------------------------------

  /** After every answer: hand on what the diagnostics wait for, then paint or finish. */
  private settled(idle: boolean): void {
    this.mail?.noticeAddresses(mailAnswerKnown(this.draft));
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
    const snapshot = withFindings(structuredClone(this.draft));
    try {
      this.options.onUpdate?.(snapshot);
    } catch {
      // A listener's bug must not stop the lookup.
    }
    return snapshot;
  }
}
