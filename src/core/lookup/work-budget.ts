/**
 * Bounds on the work one lookup may cause, whatever the zone or the resolver sends. Without
 * them a domain with 100 MX hosts of 300 addresses each made one lookup send 30,205 requests
 * and hold 627 MB. With them a lookup asks at most `questions` questions, resolves at most
 * `mxHosts` MX hosts (the most preferred: those senders try first) and follows at most
 * `addressesPerHost` addresses of each (senders try only a few: Postfix's default
 * `smtp_mx_address_limit` is 5). Whatever is left out is counted in `report.leftOut` and said
 * in a finding (checks/lookup-bounded.ts), so a bounded report never passes for a complete one.
 * Bounds are per lookup, so a bulk run of N lookups is bounded by N times them.
 */
import { ResolverError } from '../errors';
import type { Exchange, LeftOut } from '../report';

export interface WorkBounds {
  mxHosts: number;
  addressesPerHost: number;
  /** DNS questions per lookup, routing and mail checks together (cache hits included). */
  questions: number;
}

/** A real domain needs far less: 5 MX hosts with every mail check on ask ~70 questions. */
export const DEFAULT_WORK_BOUNDS: WorkBounds = { mxHosts: 50, addressesPerHost: 20, questions: 500 };

/** A question not asked because the lookup's question budget was spent. Never retried. */
export class QuestionBudgetSpent extends ResolverError {
  readonly code = 'question-budget-spent';
  override readonly retryable = false;
  constructor(limit: number, question?: string) {
    super(`Not asked: this lookup reached MXray's limit of ${limit} DNS questions.`, 'MXray', question);
  }
  get reason(): string {
    return 'question budget spent';
  }
}

/** The question was not asked for the budget's sake: its status is `skipped`, not `error`. */
export function notAsked(error: { code: string } | undefined): boolean {
  return error?.code === 'question-budget-spent';
}

export class WorkBudget {
  private asked = 0;

  constructor(
    /** Where the counts of what was left out go (the report draft). */
    private readonly target: { leftOut?: LeftOut },
    readonly bounds: WorkBounds = DEFAULT_WORK_BOUNDS,
  ) {}

  private leftOut(): LeftOut {
    this.target.leftOut ??= { mxHosts: 0, addresses: 0, questions: 0, bounds: { ...this.bounds } };
    return this.target.leftOut;
  }

  /** The exchanges to resolve, from a list sorted by preference: the first `mxHosts`. */
  keepExchanges(sorted: Exchange[]): Exchange[] {
    if (sorted.length <= this.bounds.mxHosts) return sorted;
    this.leftOut().mxHosts += sorted.length - this.bounds.mxHosts;
    return sorted.slice(0, this.bounds.mxHosts);
  }

  /** Whether one more address of this exchange is kept (and its PTR asked). */
  keepAddress(exchange: Exchange): boolean {
    if (exchange.addresses.length < this.bounds.addressesPerHost) return true;
    this.leftOut().addresses++;
    return false;
  }

  /** Takes one question from the budget; `undefined` when allowed, else the error to report. */
  admitQuestion(question: string): QuestionBudgetSpent | undefined {
    if (this.asked < this.bounds.questions) {
      this.asked++;
      return undefined;
    }
    this.leftOut().questions++;
    return new QuestionBudgetSpent(this.bounds.questions, question);
  }
}
