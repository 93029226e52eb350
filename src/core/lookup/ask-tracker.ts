/**
 * Every question a lookup asks goes through here, which keeps the books: how many are still
 * open (the report is finished when none is), the critical-path depth of each answer
 * (`stats.roundTrips` for the routing, `mail.roundTrips` for the diagnostics), the request
 * counts, which resolvers answered, and which failed (`resolverEvents`, once per resolver and
 * failure, and `errors`, once per distinct failure). A question never rejects: its failure is
 * an `Outcome` with an `ErrorInfo`.
 */
import type { QuestionType } from '../dns/message';
import type { DnsAnswer } from '../doh/dns-answer';
import type { DohClient, QueryOptions } from '../doh/doh-client';
import { AllResolversFailed, toErrorInfo } from '../errors';
import type { Report } from '../report';
import type { ErrorInfo } from '../vocabulary';
import { ignoredRecords } from './ignored-records';
import type { WorkBudget } from './work-budget';

export type Outcome = { answer: DnsAnswer; error?: undefined; depth: number } | { answer?: undefined; error: ErrorInfo; depth: number };

/** The routing's questions (MX, addresses, PTR, FCrDNS) or the mail diagnostics'. */
export type Track = 'routing' | 'mail';

/** What every question of one lookup shares besides the client. */
export interface AskSettings {
  signal?: AbortSignal | undefined;
  /** The lookup's bounds: a question past the budget is not asked (work-budget.ts). */
  budget?: WorkBudget;
  /** Told when a question is hedged to the next resolver (lookup-notices.ts). */
  onNotice?: QueryOptions['onNotice'];
  /** Answers known elsewhere, looked for before the resolvers (lookup-options.ts `prior`). */
  prior?: QueryOptions['prior'];
}

export class AskTracker {
  private open = 0;

  /**
   * `onSettled` runs after every question's outcome is handled (and after `release`), with
   * `idle` true once nothing is open any more.
   */
  constructor(
    private readonly client: DohClient,
    private readonly draft: Report,
    private readonly settings: AskSettings,
    private readonly onSettled: (idle: boolean) => void,
  ) {}

  /** Keeps the lookup open until `release` (a stage that will ask more later). */
  hold(): void {
    this.open++;
  }

  release(): void {
    this.open--;
    this.onSettled(this.open === 0);
  }

  /**
   * Ask one question; `parentDepth` is the depth of the answer that made us ask it, so depths
   * add up along the critical path. Cache hits add no depth.
   */
  ask(name: string, type: QuestionType, parentDepth: number, onOutcome: (outcome: Outcome) => void, track: Track = 'routing'): void {
    this.hold();
    // The diagnostics' questions yield to the routing's when requests have to queue.
    const priority = track === 'mail' ? 'background' : 'normal';
    const { signal, budget, onNotice, prior } = this.settings;
    const options: QueryOptions = { priority, signal, onNotice, prior };
    const overBudget = budget?.admitQuestion(`${name} ${type}`);
    (overBudget ? Promise.reject(overBudget) : this.client.query({ name, type }, options))
      .then(
        (answer): Outcome => {
          this.noteAnswer(answer, track);
          // A cached answer costs no round trip; nor does joining a request already in flight
          // (requests 0): it was asked earlier, at no greater depth, and its round trip is counted there.
          return { answer, depth: parentDepth + (answer.fromCache || answer.requests === 0 ? 0 : 1) };
        },
        (error: unknown): Outcome => {
          const info = toErrorInfo(error, this.client.providers[0]!.name, `${name} ${type}`);
          this.noteError(info, error);
          return { error: info, depth: parentDepth + 1 };
        },
      )
      .then((outcome) => {
        // The diagnostics keep their own depth: `stats.roundTrips` is the mail routing's
        // (MX -> addresses -> PTR -> forward), which a long SPF include chain must not hide.
        if (track === 'routing') this.draft.stats.roundTrips = Math.max(this.draft.stats.roundTrips, outcome.depth);
        else if (this.draft.mail) this.draft.mail.roundTrips = Math.max(this.draft.mail.roundTrips, outcome.depth);
        onOutcome(outcome);
      })
      .catch((error: unknown) => this.noteError(toErrorInfo(error, 'MXray', `${name} ${type}`), error))
      .finally(() => this.release());
  }

  /** A failure of the lookup's own (a question that failed, or a bug in a stage). */
  noteError(info: ErrorInfo, error: unknown): void {
    if (error instanceof AllResolversFailed) {
      this.draft.stats.requests += error.requests;
      for (const failure of error.failures) this.noteResolverFailure(failure.toJSON());
    }
    // One line per distinct failure, not one per question: 40 identical timeouts help nobody.
    if (!this.draft.errors.some((e) => e.code === info.code && e.message === info.message)) this.draft.errors.push(info);
  }

  private noteAnswer(answer: DnsAnswer, track: Track): void {
    const stats = this.draft.stats;
    stats.requests += answer.requests;
    if (track === 'mail' && this.draft.mail) this.draft.mail.requests += answer.requests;
    if (answer.fromCache) stats.cacheHits++;
    if (!this.draft.answeredBy.includes(answer.resolver)) this.draft.answeredBy.push(answer.resolver);
    // Records the client left out (stray, wrong class...) are said, once each, as answer-ignored errors.
    for (const note of answer.notes ?? []) this.noteError(ignoredRecords(answer, note), undefined);
    // The resolver that answered after these failed is named, so a fallback is never silent.
    const next = this.client.providers.find((p) => p.id === answer.resolver)?.name ?? answer.resolver;
    for (const failure of answer.failures) this.noteResolverFailure(failure, next);
  }

  /** Once per resolver and kind of failure. */
  private noteResolverFailure(failure: ErrorInfo, next?: string): void {
    const events = this.draft.resolverEvents;
    if (events.some((e) => e.resolver === failure.resolver && e.error.code === failure.code)) return;
    events.push({ resolver: failure.resolver ?? 'resolver', error: failure, ...(next !== undefined ? { next } : {}) });
  }
}
