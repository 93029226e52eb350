/**
 * Identical questions in flight share one request: the first caller of a question starts it,
 * later callers join it, and each caller leaves on its own abort signal. When the last caller of
 * a question has left (the popup closed, the bulk run stopped), the question's requests are
 * aborted for real, so a closed popup stops costing the resolver anything. Each caller may also
 * listen for the question's notices (a slow resolver, another asked as well); a listener that
 * throws never stops the question.
 */
import type { DnsAnswer } from './dns-answer';
import type { ResolverNotice } from './hedged-ask';
import { raceAbort } from './race-abort';

type NoticeListener = (notice: ResolverNotice) => void;

/** One question in flight, shared by every caller asking it; aborted when they all left. */
interface Flight {
  promise: Promise<DnsAnswer>;
  controller: AbortController;
  callers: number;
  listeners: Set<NoticeListener>;
}

/** How one caller asks: its own abort signal, and whether it wants the question's notices. */
export interface Caller {
  signal?: AbortSignal | undefined;
  onNotice?: NoticeListener | undefined;
}

/** Starts a question for real: `signal` aborts it, `notify` tells every caller still listening. */
export type StartQuestion = (signal: AbortSignal, notify: NoticeListener) => Promise<DnsAnswer>;

export class SharedFlights {
  private readonly flights = new Map<string, Flight>();

  /**
   * The answer to the question `key` for this caller: a new request (`start`), or the one in
   * flight. `aborted` makes the error a caller gets when its own signal aborts.
   */
  join(key: string, caller: Caller, start: StartQuestion, aborted: () => Error): Promise<DnsAnswer> {
    let flight = this.flights.get(key);
    const joined = flight !== undefined;
    if (!flight) flight = this.begin(key, start);
    const current = flight;
    current.callers++;
    if (caller.onNotice) current.listeners.add(caller.onNotice);
    // A caller that joins a request already in flight gets its answer but sent nothing itself:
    // its `requests` is 0, so adding up what each caller got counts every request once.
    const mine = joined ? current.promise.then((answer) => ({ ...answer, requests: 0 })) : current.promise;
    // Cancel for real: when the last caller of a question leaves, its requests are aborted.
    const leave = () => {
      if (caller.onNotice) current.listeners.delete(caller.onNotice);
      if (--current.callers > 0) return;
      if (this.flights.get(key) === current) this.flights.delete(key);
      current.controller.abort();
    };
    return raceAbort(mine, caller.signal, aborted, leave);
  }

  private begin(key: string, start: StartQuestion): Flight {
    const controller = new AbortController();
    const listeners = new Set<NoticeListener>();
    const notify = (notice: ResolverNotice) => {
      for (const listener of listeners) {
        try {
          listener(notice);
        } catch {
          // A listener's bug must not stop the question.
        }
      }
    };
    const promise = start(controller.signal, notify).finally(() => this.flights.delete(key));
    const flight = { promise, controller, callers: 0, listeners };
    this.flights.set(key, flight);
    return flight;
  }
}
