/**
 * Serves lookups over the `lookup` port: one request, then every partial report as it grows.
 * Closing the port (popup closed, panel closed, new query) cancels the lookup.
 *
 * A page that asks the routing's questions itself (`pageAsks`, src/platform/first-questions.ts)
 * relays them on the same port; the lookup here looks for those answers before asking
 * (core/doh/relayed-answers.ts), so nothing is asked twice and the report that comes back
 * has the mail checks, the findings and the history on top of the page's routing.
 */
import { RelayedAnswers } from '../core/doh/relayed-answers';
import { lookupMail } from '../core/lookup/lookup-mail';
import { tryParseQuery } from '../core/query';
import type { Report } from '../core/report';
import type { Runtime } from '../platform/extension-api';
import { lookupOptionsFrom } from '../shared/lookup-options-from';
import type { LookupMessage, LookupRequest, RelayMessage } from '../shared/messages';
import { engine, keepRelayedAnswer, persistCacheSoon } from './engine';
import { policyFetcher } from './mta-sts-fetch';
import { rememberLookup } from './recent-lookups';
import { keepInHistory } from './watch/keep-history';
import { afterSuffixList } from './suffix-list';

/** Past this, a question the page said it asked is asked here too (the page's own time limit is about the same). */
const RELAY_WAIT_MS = 6_000;

export function serveLookupPort(port: Runtime.Port): void {
  const cancel = new AbortController();
  // Made before the request is read: a relay may arrive while the request waits for the suffix list.
  let relayed: RelayedAnswers | undefined;
  const relays = () => (relayed ??= new RelayedAnswers({ expectFirstRelay: false, maxWaitMs: RELAY_WAIT_MS }));
  port.onDisconnect.addListener(() => {
    cancel.abort();
    relayed?.close();
  });
  const send = (message: LookupMessage) => {
    if (cancel.signal.aborted) return;
    try {
      port.postMessage(message);
    } catch {
      cancel.abort(); // the other side went away between our check and the post
    }
  };
  const serve = afterSuffixList((request: LookupRequest) => {
    // The engine turns every DNS failure into a report; anything else is a bug. Closing the
    // port makes the UI retry, then say the lookup was lost, instead of spinning forever.
    run(request, send, cancel.signal, relayed).catch(() => port.disconnect());
  });
  port.onMessage.addListener((message: unknown) => {
    const typed = message as LookupRequest | RelayMessage | undefined;
    if (typed?.type === 'relay' && typeof typed.relay === 'object' && typed.relay !== null) {
      relays().take(typed.relay, keepRelayedAnswer);
      return;
    }
    if (typed?.type !== 'lookup' || typeof typed.input !== 'string') return;
    if (typed.pageAsks && !relayed) relayed = new RelayedAnswers({ expectFirstRelay: true, maxWaitMs: RELAY_WAIT_MS });
    serve(typed);
  });
}

async function run(request: LookupRequest, send: (message: LookupMessage) => void, signal: AbortSignal, relayed: RelayedAnswers | undefined): Promise<void> {
  const parsed = tryParseQuery(request.input);
  if (!parsed.ok) {
    relayed?.close();
    send({ type: 'invalid', error: parsed.error.toJSON() });
    return;
  }
  const { settings, client } = await engine();
  if (settings.rememberRecent && (request.source === 'typed' || request.source === 'omnibox')) {
    void rememberLookup(request.input).catch(() => undefined);
  }
  const onUpdate = (report: Report) => {
    send({ type: 'report', report });
    persistCacheSoon(); // answers survive a worker stopped mid-lookup
  };
  const options = lookupOptionsFrom(settings, 'report', policyFetcher(settings.timeoutMs));
  const report = await lookupMail(parsed.query, client, { ...options, signal, onUpdate, ...(relayed ? { prior: relayed.prior } : {}) });
  persistCacheSoon();
  if (signal.aborted) return;
  // History, and "Since last time…" at the top of the report when its facts changed.
  const since = await keepInHistory(report, settings);
  if (since) send({ type: 'report', report: { ...report, sinceLast: since } });
}
