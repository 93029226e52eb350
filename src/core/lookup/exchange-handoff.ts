/**
 * The MX hosts handed to the mail sections that work per host (mail-section.ts,
 * `ExchangeHandoff`; DANE asks TLSA at `_25._tcp.<host>` for each). Built once per lookup from
 * the routing's own answers, so it costs no question:
 * - the handoff resolves the moment the MX answer is known (for a domain without MX, once its
 *   implicit MX is: the name's A and AAAA were asked beside the MX question, the same round
 *   trip), never after the addresses;
 * - each host's `resolved` settles once that host's A and AAAA answers are in, read from the
 *   A answer (else the AAAA one): its CNAME chain and whether the resolver authenticated it, which
 *   is what RFC 7672 §2.2.3 needs to choose a host's TLSA base domain.
 * Every answer carries its depth (`AskResult.depth`), so a question asked `after` it counts its
 * round trips from that answer, as the routing's own questions do.
 */
import { readAnswer } from '../doh/read-answer';
import type { ExchangeHandoff, ExchangeHost, ResolvedHost } from '../mail/mail-section';
import type { Exchange, Report } from '../report';
import type { DnsName } from '../vocabulary';
import type { Outcome } from './ask-tracker';
import { askResultOf } from './tracked-ask';

type AddressType = 'A' | 'AAAA';

export class ExchangeHandoffs {
  readonly exchanges: Promise<ExchangeHandoff>;
  private handOver: (handoff: ExchangeHandoff) => void = () => undefined;
  private handedOver = false;
  private mxOutcome: Outcome | undefined;
  /** Each host's first A and AAAA outcome, as the routing read them. */
  private readonly hostOutcomes = new Map<DnsName, Partial<Record<AddressType, Outcome>>>();
  /** Hosts handed over whose `resolved` has not settled yet. */
  private readonly unresolved = new Map<DnsName, (resolved: ResolvedHost) => void>();

  constructor(private readonly draft: Report) {
    this.exchanges = new Promise((resolve) => (this.handOver = resolve));
  }

  /** The routing's MX answer (or its failure), as it lands. */
  mxAnswer(outcome: Outcome): void {
    this.mxOutcome = outcome;
  }

  /** A mail host's A or AAAA answer as it lands (the implicit MX's too: the domain's own). */
  hostAnswer(host: DnsName, type: AddressType, outcome: Outcome): void {
    const outcomes = this.hostOutcomes.get(host) ?? {};
    outcomes[type] ??= outcome;
    this.hostOutcomes.set(host, outcomes);
  }

  /** After every answer: hands the hosts over once the MX answer is known, then settles each host's `resolved`. */
  notice(mxKnown: boolean): void {
    if (!mxKnown) return;
    if (!this.handedOver) {
      this.handedOver = true;
      this.handOver(this.handoff());
    }
    for (const [host, resolve] of this.unresolved) {
      const outcomes = this.hostOutcomes.get(host);
      if (!outcomes?.A || !outcomes.AAAA) continue;
      this.unresolved.delete(host);
      // The A answer carries the chain, unless only the AAAA question was answered.
      const type: AddressType = outcomes.A.answer || !outcomes.AAAA.answer ? 'A' : 'AAAA';
      resolve(resolvedHost(host, type, outcomes[type]!));
    }
  }

  private handoff(): ExchangeHandoff {
    const { draft } = this;
    const domain = draft.query.name;
    const outcome = this.mxOutcome ?? { error: { code: 'internal', message: 'The MX answer was not seen.' }, depth: draft.stats.roundTrips };
    const hosts: ExchangeHost[] = [];
    for (const exchange of draft.exchanges) {
      if (!isHostName(exchange) || hosts.some((h) => h.name === exchange.host)) continue;
      const resolved = new Promise<ResolvedHost>((resolve) => this.unresolved.set(exchange.host, resolve));
      hosts.push({ name: exchange.host, preference: exchange.preference, resolved });
    }
    return {
      hosts,
      mxAuthenticated: outcome.answer?.authenticated ?? false,
      nullMx: draft.nullMx,
      implicit: draft.implicitMx,
      mxStatus: draft.mxStatus,
      mx: askResultOf(domain, 'MX', outcome),
    };
  }
}

/** The null MX names no host, and an IP literal is no host name (RFC 5321 §5.1 wants a name). */
function isHostName(exchange: Exchange): boolean {
  return exchange.state !== 'null' && exchange.state !== 'ip-literal' && exchange.host !== '';
}

function resolvedHost(host: DnsName, type: AddressType, outcome: Outcome): ResolvedHost {
  const answer = askResultOf(host, type, outcome);
  const cname = outcome.answer ? readAnswer(outcome.answer, type).cname : [];
  return { cname, target: cname.at(-1) ?? host, status: answer.status, authenticated: answer.authenticated, answer };
}
