/**
 * Answers another context is asking for the same lookup, so nothing is asked twice (issue 24).
 *
 * The popup asks the routing's questions itself while the service worker wakes (a cold worker
 * starts ~120 ms after the page; docs/architecture.md "The first questions"), and relays each
 * question as it leaves, each answer as it lands and each failure. The worker runs the whole
 * lookup as before; its client looks here first (`prior`), so a routing question the page has
 * asked waits for the page's answer instead of going out again.
 *
 * - Until the page's first relay arrives, the worker cannot know what the page will ask; a
 *   request marked `pageAsks` holds the routing's types (MX, A, AAAA, PTR, CNAME) for that first
 *   relay, which always names the page's first questions. Other types go out at once.
 * - After it, only questions the page said it asked wait; any other goes out at once.
 * - A failure the page relays, the page going away (`close`), or a wait longer than `maxWaitMs`
 *   ends the wait with `undefined`: the worker asks the resolvers itself, with its own hedging.
 *   A relay can cost time, never an answer.
 */
import type { QuestionType } from '../dns/message';
import type { DnsAnswer } from './dns-answer';
import type { PriorAnswers } from './doh-client';

/** The types the page's routing plan asks (core/lookup/lookup-routing.ts); a CNAME chase asks the same type. */
const ROUTING_TYPES: ReadonlySet<QuestionType> = new Set(['MX', 'A', 'AAAA', 'PTR']);

/** What the page relays, in one message per task (several questions and answers land together). */
export interface Relay {
  /** Cache keys of questions that went out. */
  asked: string[];
  answered: [key: string, answer: DnsAnswer][];
  failed: string[];
  /** The page's lookup has ended: nothing more will come. */
  done?: boolean;
}

interface Waiter {
  promise: Promise<DnsAnswer | undefined>;
  resolve: (answer: DnsAnswer | undefined) => void;
}

export class RelayedAnswers {
  private readonly answers = new Map<string, DnsAnswer>();
  private readonly waiting = new Map<string, Waiter>();
  /** Keys the page asked and has not yet answered or failed. */
  private readonly inFlight = new Set<string>();
  /** Before the first relay: routing questions wait for it. */
  private expecting: boolean;
  private closed = false;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  private readonly maxWaitMs: number;

  constructor(options: { expectFirstRelay: boolean; maxWaitMs: number }) {
    this.expecting = options.expectFirstRelay;
    this.maxWaitMs = options.maxWaitMs;
  }

  /** Takes one relay; answers are also handed to `keep` (the worker's cache). */
  take(relay: Relay, keep?: (key: string, answer: DnsAnswer) => void): void {
    if (this.closed) return;
    this.expecting = false;
    for (const key of relay.asked) if (!this.answers.has(key)) this.inFlight.add(key);
    for (const [key, answer] of relay.answered) {
      this.inFlight.delete(key);
      this.answers.set(key, answer);
      keep?.(key, answer);
      this.settle(key, answer);
    }
    for (const key of relay.failed) {
      this.inFlight.delete(key);
      this.settle(key, undefined);
    }
    // Anything still waiting that the page did not say it asked will not come from the page.
    for (const key of [...this.waiting.keys()]) if (!this.inFlight.has(key) && !this.answers.has(key)) this.settle(key, undefined);
    if (relay.done) this.close();
  }

  /** The page went away or finished: every wait ends, later questions go out at once. */
  close(): void {
    this.closed = true;
    this.expecting = false;
    this.inFlight.clear();
    for (const key of [...this.waiting.keys()]) this.settle(key, undefined);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** For the worker's lookup: `LookupOptions.prior`. */
  readonly prior: PriorAnswers = (key, signal) => {
    const known = this.answers.get(key);
    // As the page got it, requests and all: the report counts what its lookup cost, whoever sent it.
    if (known) return Promise.resolve(known);
    if (this.closed) return undefined;
    if (!this.inFlight.has(key) && !(this.expecting && ROUTING_TYPES.has(typeOfKey(key)))) return undefined;
    return this.wait(key, signal);
  };

  private wait(key: string, signal: AbortSignal): Promise<DnsAnswer | undefined> {
    let waiter = this.waiting.get(key);
    if (!waiter) {
      let resolve!: (answer: DnsAnswer | undefined) => void;
      const promise = new Promise<DnsAnswer | undefined>((r) => (resolve = r));
      waiter = { promise, resolve };
      this.waiting.set(key, waiter);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.settle(key, undefined);
      }, this.maxWaitMs);
      this.timers.add(timer);
    }
    const current = waiter;
    signal.addEventListener('abort', () => current.resolve(undefined), { once: true });
    return current.promise;
  }

  private settle(key: string, answer: DnsAnswer | undefined): void {
    const waiter = this.waiting.get(key);
    if (!waiter) return;
    this.waiting.delete(key);
    waiter.resolve(answer);
  }
}

/** Cache keys are `<resolver url>|<type>|<name>` (doh-client.ts). */
function typeOfKey(key: string): QuestionType {
  const parts = key.split('|');
  return parts[parts.length - 2] as QuestionType;
}
