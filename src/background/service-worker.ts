/**
 * Service worker: owns the DoH client (and so the answer cache) and runs lookups for the UIs,
 * streaming each partial report over the port as it grows.
 */
import { AnswerCache } from '../core/doh/answer-cache';
import { DohClient } from '../core/doh/doh-client';
import { builtInProvider, DEFAULT_PROVIDER_ID, providerChain } from '../core/doh/providers';
import { lookupMail } from '../core/lookup/lookup-mail';
import { tryParseQuery } from '../core/query/parse-query';
import { extensionApi } from '../platform/extension-api';
import { LOOKUP_PORT, type LookupMessage, type LookupRequest } from '../shared/messages';

const client = new DohClient({ providers: providerChain(builtInProvider(DEFAULT_PROVIDER_ID)!, true), cache: new AnswerCache() });

extensionApi.runtime.onConnect.addListener((port) => {
  if (port.name !== LOOKUP_PORT) return;
  const cancel = new AbortController();
  port.onDisconnect.addListener(() => cancel.abort());
  port.onMessage.addListener((request: LookupRequest) => {
    const send = (message: LookupMessage) => {
      if (!cancel.signal.aborted) port.postMessage(message);
    };
    const parsed = tryParseQuery(request.input);
    if (!parsed.ok) {
      send({ type: 'invalid', error: parsed.error.toJSON() });
      return;
    }
    void lookupMail(parsed.query, client, { signal: cancel.signal, onUpdate: (report) => send({ type: 'report', report }) });
  });
});
