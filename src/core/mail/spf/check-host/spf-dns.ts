/**
 * The questions of one check_host() run: each asked once (a record and its includes often name
 * the same host), answers kept for the explanation and the "authorized senders" walk, and round
 * trips counted the way the evaluation waits for them.
 *
 * `ask` is what the sequential algorithm does: wait for one answer, then ask the next, so a
 * question asked this way is one round trip after the deepest answer waited for so far.
 * `prefetch` starts a question early, counting from the answer that named it; when the
 * evaluation later asks the same question it waits for that same promise. The evaluation
 * itself never changes: it asks in the same order and reads the same answers either way, so
 * results and lookup counts cannot differ.
 */
import type { AskResult, DnsAsk, MailQuestionType } from '../../dns-ask';

/** RFC 7208 §4.6.4: a limit on the whole evaluation's time, at least 20 s; past it, temperror. */
export const CHECK_TIME_LIMIT_MS = 20_000;

export class SpfDns {
  private readonly memo = new Map<string, Promise<AskResult>>();
  /** The deepest answer the evaluation has waited for. */
  private deepest: AskResult | undefined;
  private readonly deadline: number;

  constructor(
    private readonly raw: DnsAsk,
    private readonly timeLimitMs = CHECK_TIME_LIMIT_MS,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.deadline = now() + timeLimitMs;
  }

  /** Distinct questions asked, fetched-ahead ones included. */
  get questions(): number {
    return this.memo.size;
  }

  /** Round trips on the critical path so far. */
  get roundTrips(): number {
    return this.deepest?.depth ?? 0;
  }

  /** Ask and wait; past the time limit, every answer is a timeout (so the check is temperror). */
  async ask(name: string, type: MailQuestionType): Promise<AskResult> {
    const answer = await this.withinLimit(this.fetch(name, type, this.deepest), name, type);
    if (!this.deepest || answer.depth > this.deepest.depth) this.deepest = answer;
    return answer;
  }

  private withinLimit(pending: Promise<AskResult>, name: string, type: MailQuestionType): Promise<AskResult> {
    const left = this.deadline - this.now();
    const late = (): AskResult => ({
      name,
      type,
      status: 'error',
      values: [],
      authenticated: false,
      depth: this.deepest?.depth ?? 0,
      error: { code: 'spf-time-limit', message: `the check ran out of time: RFC 7208 §4.6.4 limits a whole check, here to ${this.timeLimitMs / 1000} s` },
    });
    if (left <= 0) return Promise.resolve(late());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<AskResult>((resolve) => (timer = setTimeout(() => resolve(late()), left)));
    return Promise.race([pending, expired]).finally(() => clearTimeout(timer));
  }

  /** Start a question now; `after` is the answer that named it. Never rejects. */
  prefetch(name: string, type: MailQuestionType, after: AskResult | undefined): Promise<AskResult> {
    return this.fetch(name, type, after);
  }

  /** Already asked (or being asked)? */
  has(name: string, type: MailQuestionType): boolean {
    return this.memo.has(`${name} ${type}`);
  }

  private fetch(name: string, type: MailQuestionType, after: AskResult | undefined): Promise<AskResult> {
    const key = `${name} ${type}`;
    let pending = this.memo.get(key);
    if (!pending) {
      pending = this.raw(name, type, after).catch((error: unknown): AskResult => ({
        name,
        type,
        status: 'error',
        values: [],
        authenticated: false,
        depth: (after?.depth ?? 0) + 1,
        error: { code: 'internal-error', message: error instanceof Error ? error.message : String(error) },
      }));
      this.memo.set(key, pending);
    }
    return pending;
  }
}
