/**
 * The bridge from the lookup to the mail diagnostics (`report.mail`): when they start, how they
 * ask DNS (a `DnsAsk` through the lookup's own client, cache and books: tracked-ask.ts), and what
 * is handed over to them as the routing's answers land (mail-section.ts, `SectionRun`):
 * - `exchanges`, the MX hosts, the moment the MX answer (or the implicit MX) is known, each host
 *   then with its CNAME chain once its addresses are in (exchange-handoff.ts): what a per-MX
 *   section such as DANE needs to ask TLSA at `_25._tcp.<host>`;
 * - `addresses`, every mail host's addresses once all are in: the blocklists'.
 *
 * The diagnostics start once the routing report (MX, addresses, PTR, forward confirmation) is
 * complete (after-routing.ts): with every check on, a 5-MX domain asks ~110 questions; asked
 * beside the routing's PTR questions they compete for the same worker thread (Chromium's
 * fetch() costs ~1.4 ms of it per request) and connection, and the routing report came ~200 ms
 * later than with the checks off (issue 12, section 6; docs/performance.md).
 *
 * Their round trips (`mail.roundTrips`) still count the diagnostics' own chain: the questions
 * they ask first count from the MX answer, the blocklists' from the addresses, a per-MX
 * section's from the MX answer it passes as `after`, as when they ran beside the routing. The
 * wait for the routing is a choice of order, not a dependency.
 */
import { toErrorInfo } from '../errors';
import { finishDnssec } from '../mail/dnssec/record-dnssec';
import type { DnsAsk } from '../mail/dns-ask';
import { mailAddressesOf, runMailDiagnostics, type DiagnosticsOptions, type MailAddress } from '../mail/mail-diagnostics';
import type { Report } from '../report';
import type { DnsName } from '../vocabulary';
import type { AfterRouting } from './after-routing';
import type { AskTracker, Outcome } from './ask-tracker';
import { ExchangeHandoffs } from './exchange-handoff';
import { trackedAsk } from './tracked-ask';

export class MailBridge {
  private started = false;
  /** Round trips gone when the MX answer was in, and when the addresses were handed on. */
  private mxDepth = 0;
  private addressDepth: number | undefined;
  private baseline: number | undefined;
  private addressesHandedOn = false;
  private handOnAddresses: (addresses: MailAddress[]) => void = () => undefined;
  private readonly addresses = new Promise<MailAddress[]>((resolve) => (this.handOnAddresses = resolve));
  private readonly exchanges: ExchangeHandoffs;
  private readonly ask: DnsAsk;

  /** Holds the lookup open from the start until the diagnostics have started and ended. */
  constructor(
    private readonly draft: Report,
    private readonly options: DiagnosticsOptions,
    private readonly tracker: AskTracker,
    private readonly afterRouting: AfterRouting,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.ask = trackedAsk(tracker, draft, () => this.baseline ?? this.addressDepth ?? draft.stats.roundTrips);
    this.exchanges = new ExchangeHandoffs(draft);
    tracker.hold();
  }

  /** The routing's MX answer as it lands (mx-stage.ts), for the exchanges handoff. */
  mxAnswer(outcome: Outcome): void {
    this.exchanges.mxAnswer(outcome);
  }

  /** A mail host's A or AAAA answer as it lands (address-stage.ts), for the exchanges handoff. */
  hostAnswer(host: DnsName, type: 'A' | 'AAAA', outcome: Outcome): void {
    this.exchanges.hostAnswer(host, type, outcome);
  }

  /** After every answer: once the MX answer is in, the diagnostics wait for the routing (once). */
  startWhenMxKnown(): void {
    if (this.started || !this.draft.mail || this.draft.mxStatus === 'pending') return;
    this.started = true;
    this.mxDepth = this.draft.stats.roundTrips;
    this.afterRouting.run(() => this.start().finally(() => this.tracker.release()));
  }

  private start(): Promise<void> {
    const mail = this.draft.mail!;
    const domain = this.draft.query.name;
    const context = { domain, ask: this.ask, ...(this.signal ? { signal: this.signal } : {}) };
    // The questions the sections ask at once (in this task) count from the MX answer.
    this.baseline = this.mxDepth;
    const run = runMailDiagnostics(mail, context, this.options, { exchanges: this.exchanges.exchanges, addresses: this.addresses });
    this.baseline = undefined;
    return run.catch((error: unknown) => this.tracker.noteError(toErrorInfo(error, 'MXray', `${domain} mail diagnostics`), error));
  }

  /**
   * After every answer: once the MX answer (`mailAnswerKnown`) is in, hands the MX hosts on
   * (once), and each host's CNAME chain once its addresses are in (exchange-handoff.ts).
   */
  noticeExchanges(mailAnswerKnown: boolean): void {
    this.exchanges.notice(mailAnswerKnown);
  }

  /**
   * Once the MX answer (`mailAnswerKnown`) and every mail host's A/AAAA are in, hands the
   * addresses on to the blocklists (once); the DNSSEC section is complete at that moment too.
   */
  noticeAddresses(mailAnswerKnown: boolean): void {
    const mail = this.draft.mail;
    if (!mail || this.addressesHandedOn || !mailAnswerKnown) return;
    if (this.draft.exchanges.some((e) => e.addressStatus.A === 'pending' || e.addressStatus.AAAA === 'pending')) return;
    this.addressesHandedOn = true;
    this.addressDepth = this.draft.stats.roundTrips;
    finishDnssec(mail.dnssec);
    this.handOnAddresses(mailAddressesOf(this.draft));
  }
}
