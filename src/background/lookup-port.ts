/**
 * Serves lookups over the `lookup` port: one request, then every partial report as it grows.
 * Closing the port (popup closed, panel closed, new query) cancels the lookup.
 */
import { lookupMail } from '../core/lookup/lookup-mail';
import { tryParseQuery } from '../core/query';
import type { Report } from '../core/report';
import type { Runtime } from '../platform/extension-api';
import { lookupOptionsFrom } from '../shared/lookup-options-from';
import type { LookupMessage, LookupRequest } from '../shared/messages';
import { engine, persistCacheSoon } from './engine';
import { policyFetcher } from './mta-sts-fetch';
import { rememberLookup } from './recent-lookups';
import { keepInHistory } from './watch/keep-history';
import { afterSuffixList } from './suffix-list';

export function serveLookupPort(port: Runtime.Port): void {
  const cancel = new AbortController();
  port.onDisconnect.addListener(() => cancel.abort());
  const send = (message: LookupMessage) => {
    if (cancel.signal.aborted) return;
    try {
      port.postMessage(message);
    } catch {
      cancel.abort(); // the other side went away between our check and the post
    }
  };
  port.onMessage.addListener(
    afterSuffixList((message: unknown) => {
      const request = message as LookupRequest | undefined;
      if (request?.type !== 'lookup' || typeof request.input !== 'string') return;
      // The engine turns every DNS failure into a report; anything else is a bug. Closing the
      // port makes the UI retry, then say the lookup was lost, instead of spinning forever.
      run(request, send, cancel.signal).catch(() => port.disconnect());
    }),
  );
}

async function run(request: LookupRequest, send: (message: LookupMessage) => void, signal: AbortSignal): Promise<void> {
  const parsed = tryParseQuery(request.input);
  if (!parsed.ok) {
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
  const report = await lookupMail(parsed.query, client, { ...options, signal, onUpdate });
  persistCacheSoon();
  if (signal.aborted) return;
  // History, and "Since last time…" at the top of the report when its facts changed.
  const since = await keepInHistory(report, settings);
  if (since) send({ type: 'report', report: { ...report, sinceLast: since } });
}
