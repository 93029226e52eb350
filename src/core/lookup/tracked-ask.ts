/**
 * A `DnsAsk` (src/core/mail/dns-ask.ts) through a lookup's own client and books: how the mail
 * diagnostics and the network lookups of src/core/resilience ask. Their questions go through the
 * same cache, in-flight dedupe and fallback as the routing's, yield to the routing's when
 * requests have to queue, and count in `mail.requests` / `mail.roundTrips` when the diagnostics
 * are on. The answer is read here once (CNAMEs followed, NXDOMAIN, NODATA and SERVFAIL apart, the
 * records as text and typed), so no section ever sees a DNS message.
 */
import { isQueryableName } from '../dns/message';
import { answerValues } from '../doh/read-answer';
import type { AskResult, DnsAsk, MailQuestionType } from '../mail/dns-ask';
import type { Report } from '../report';
import type { AskTracker, Outcome } from './ask-tracker';

/** `baseline`: the depth a question asked on its own counts from (default: the routing's so far). */
export function trackedAsk(tracker: AskTracker, draft: Report, baseline = () => draft.stats.roundTrips): DnsAsk {
  return (name, type, after) =>
    new Promise<AskResult>((resolve) => {
      // Depth from the lookup's start: a question asked after another answer counts from it;
      // one asked on its own waits behind the round trips already gone (the MX answer, for the
      // diagnostics' first questions; the addresses, for the blocklists).
      const depth = after?.depth ?? baseline();
      if (!isQueryableName(name)) {
        const error = { code: 'bad-name', message: `"${name}" is not a name DNS can look up (too long, or an empty label).` };
        resolve({ name, type, values: [], authenticated: false, depth, status: 'error', error });
        return;
      }
      tracker.ask(name, type, depth, (outcome) => resolve(askResultOf(name, type, outcome)), 'mail');
    });
}

/**
 * An answer as the diagnostics read it: CNAMEs followed, each record as text and typed (TLSA's
 * usage, selector, matching type and data among them), through the one mapping every `DnsAsk`
 * uses (`answerValues`, src/core/doh/read-answer.ts), so a new record type needs nothing here.
 */
export function askResultOf(name: string, type: MailQuestionType, outcome: Outcome): AskResult {
  if (!outcome.answer) return { name, type, status: 'error', values: [], authenticated: false, error: outcome.error, depth: outcome.depth };
  const { status, values, records, ttl } = answerValues(outcome.answer, type);
  const result: AskResult = { name, type, status, values, records, authenticated: outcome.answer.authenticated, depth: outcome.depth };
  if (ttl !== undefined) result.ttl = ttl;
  return result;
}
