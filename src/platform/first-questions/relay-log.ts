/**
 * What the page has asked, got and failed, relayed to the worker one message per task
 * (core/doh/relayed-answers.ts is the other end). Several answers land in one task (HTTP/2
 * delivers many at once) and the plan asks the next questions in the microtasks after each, so
 * a relay sent at the end of the task carries an answer together with the questions it led to:
 * the worker learns the page is asking them before its own plan gets there.
 *
 * A new port (the worker was stopped and the page connected again) is sent everything so far.
 */
import type { DnsAnswer } from '../../core/doh/dns-answer';
import type { QuestionObserver } from '../../core/doh/doh-client';
import type { Relay } from '../../core/doh/relayed-answers';
import type { RelayMessage } from '../../shared/messages';

type Post = (message: RelayMessage) => void;

export class RelayLog {
  private readonly all: Relay = { asked: [], answered: [], failed: [] };
  private pending: Relay = { asked: [], answered: [], failed: [] };
  private post: Post | undefined;
  private scheduled = false;
  private finished = false;

  readonly observer: QuestionObserver = {
    asked: (key) => this.add('asked', key),
    answered: (key, answer) => this.add('answered', [key, answer]),
    failed: (key) => this.add('failed', key),
  };

  /** A new port: everything so far goes on it, then every later relay. */
  attach(post: Post): void {
    this.post = post;
    const everything: Relay = { asked: [...this.all.asked], answered: [...this.all.answered], failed: [...this.all.failed] };
    if (this.finished) everything.done = true;
    this.pending = { asked: [], answered: [], failed: [] };
    // An empty first relay would tell the worker "the page asks nothing": wait for the first question.
    if (everything.asked.length > 0 || everything.done) post({ type: 'relay', relay: everything });
  }

  /** The page's lookup ended (or never started): the worker stops waiting for it. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.pending.done = true;
    this.schedule();
  }

  private add(kind: 'asked' | 'failed', key: string): void;
  private add(kind: 'answered', entry: [string, DnsAnswer]): void;
  private add(kind: keyof Omit<Relay, 'done'>, item: string | [string, DnsAnswer]): void {
    (this.all[kind] as unknown[]).push(item);
    (this.pending[kind] as unknown[]).push(item);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      const relay = this.pending;
      this.pending = { asked: [], answered: [], failed: [] };
      if (relay.asked.length + relay.answered.length + relay.failed.length > 0 || relay.done) this.post?.({ type: 'relay', relay });
    }, 0);
  }
}
