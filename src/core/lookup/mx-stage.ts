/**
 * Stages 1 and 2 of the lookup plan, the routing side: MX, A and AAAA of the name at once; the
 * moment MX lands, A and AAAA of every exchange (one pair per distinct host, however many MX
 * records name it), each answer read by address-stage.ts. The name's own A and AAAA are asked
 * beside the MX question for the implicit MX of RFC 5321 §5.1, so a domain without MX costs no
 * extra round trip; they are kept here until the MX answer says whether they are needed. A bulk
 * run asks them only after a NODATA MX answer (`nameAddresses: 'after-nodata'`): fewer requests.
 */
import { minTtl, readAnswer } from '../doh/read-answer';
import { recordDomainAnswer } from '../mail/dnssec/record-dnssec';
import type { Exchange } from '../report';
import { applyAddresses } from './address-stage';
import type { Outcome } from './ask-tracker';
import { exchangesFromMx, implicitExchange, isNullMx } from './exchanges';
import type { PlanContext } from './plan-context';

const ADDRESS_TYPES = ['A', 'AAAA'] as const;
type AddressType = (typeof ADDRESS_TYPES)[number];

export class MxStage {
  /** Exchanges sharing a host share one pair of address questions. */
  private readonly exchangesByHost = new Map<string, Exchange[]>();
  /** The name's own addresses (stage 1), kept until we know whether MX is implicit. */
  private readonly hostAnswers: Partial<Record<AddressType, Outcome>> = {};
  /** Round trips gone when the MX answer came: the implicit MX's addresses count from there too. */
  private mxDepth = 0;

  constructor(private readonly plan: PlanContext) {}

  /** Stage 1, the routing's part: MX, and the name's A and AAAA for an implicit MX (unless asked after NODATA). */
  start(): void {
    const { query, tracker } = this.plan;
    tracker.ask(query.name, 'MX', 0, (outcome) => this.onMx(outcome));
    if (this.plan.nameAddresses === 'with-mx') this.askNameAddresses(0);
  }

  private askNameAddresses(depth: number): void {
    const { query, tracker } = this.plan;
    for (const type of ADDRESS_TYPES) tracker.ask(query.name, type, depth, (outcome) => this.onHostAddress(type, outcome));
  }

  private onMx(outcome: Outcome): void {
    const { draft, query, budget, tracker, watcher } = this.plan;
    this.mxDepth = outcome.depth;
    watcher?.mxAnswer(outcome);
    const read = outcome.answer && readAnswer(outcome.answer, 'MX');
    if (this.plan.nameAddresses === 'after-nodata') {
      // Only an MX answer of NODATA makes the name's own addresses the mail host's.
      if (read?.status === 'nodata') this.askNameAddresses(outcome.depth);
      else draft.hostStatus = { A: 'skipped', AAAA: 'skipped' };
    }
    if (!outcome.answer || !read) {
      draft.mxStatus = 'error';
      return;
    }
    draft.mxStatus = read.status;
    draft.cname = read.cname;
    if (read.chain) draft.cnameProblem = read.chain;
    draft.authenticated = outcome.answer.authenticated;
    if (draft.mail) recordDomainAnswer(draft.mail.dnssec, 'mx', query.name, read.status, outcome.answer.authenticated);
    draft.mxTtl = minTtl(read.records);
    const exchanges = exchangesFromMx(read.records);
    draft.nullMx = isNullMx(exchanges);
    // The most preferred hosts, up to the bound: those are the ones senders try first.
    draft.exchanges = budget.keepExchanges(exchanges);
    // Stage 2: the addresses of every exchange still to resolve (not the null MX, not an IP literal).
    for (const exchange of draft.exchanges) {
      if (exchange.state !== 'pending') continue;
      const sharing = this.exchangesByHost.get(exchange.host);
      if (sharing) {
        sharing.push(exchange);
        continue;
      }
      this.exchangesByHost.set(exchange.host, [exchange]);
      for (const type of ADDRESS_TYPES) {
        tracker.ask(exchange.host, type, outcome.depth, (result) => this.onExchangeAddress(exchange.host, type, result));
      }
    }
    this.considerImplicitMx();
  }

  private onHostAddress(type: AddressType, outcome: Outcome): void {
    this.hostAnswers[type] = outcome;
    this.plan.draft.hostStatus[type] = outcome.answer ? readAnswer(outcome.answer, type).status : 'error';
    this.considerImplicitMx();
  }

  /**
   * RFC 5321 §5.1: with no MX records (NODATA), the domain itself is the mail host. Its address
   * questions were asked in stage 1, so this costs no round trip. Not after NXDOMAIN (there is no
   * domain) nor after an MX question that failed (we do not know that there is no MX).
   */
  private considerImplicitMx(): void {
    const { draft, query } = this.plan;
    if (draft.mxStatus !== 'nodata') return;
    let exchange = draft.exchanges.find((e) => e.implicit);
    if (!exchange) {
      if (!ADDRESS_TYPES.some((type) => draft.hostStatus[type] === 'ok')) return;
      exchange = implicitExchange(query);
      draft.exchanges = [exchange];
      draft.implicitMx = true;
    }
    for (const type of ADDRESS_TYPES) {
      const outcome = this.hostAnswers[type];
      // Its addresses were known no later than the MX answer that made them the mail host's.
      if (outcome && exchange.addressStatus[type] === 'pending') {
        applyAddresses(this.plan, exchange, type, { ...outcome, depth: Math.max(outcome.depth, this.mxDepth) });
      }
    }
    exchange.ttl = minTtl(exchange.addresses) ?? 0;
  }

  private onExchangeAddress(host: string, type: AddressType, outcome: Outcome): void {
    for (const exchange of this.exchangesByHost.get(host) ?? []) applyAddresses(this.plan, exchange, type, outcome);
  }
}
