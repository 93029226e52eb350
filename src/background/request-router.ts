/**
 * One handler per request name (src/shared/messages `Requests`), so adding a request is adding a
 * line here and the compiler checks both ends. Answers are `{ok, value}` or `{ok: false, error}`.
 */
import { extensionApi, type Runtime } from '../platform/extension-api';
import type { RequestEnvelope, RequestName, Requests, ResponseEnvelope } from '../shared/messages';
import { clearRecentLookups, recentLookups } from './recent-lookups';
import { checkSpf } from './requests/check-spf';
import { compareResolvers } from './requests/compare-resolvers';
import { messageDnsAsk } from './requests/message-dns-ask';
import { testResolver } from './requests/test-resolver';
import { changeSettings, loadSettings } from './settings-store';
import { takePending } from './show-panel';
import { storageHandlers } from './storage-requests';
import { watchHandlers } from './watch/watch-requests';
import { suffixListReady } from './suffix-list';

type Handler<N extends RequestName> = (payload: Requests[N][0], sender: Runtime.MessageSender) => Promise<Requests[N][1]>;

const handlers: { [N in RequestName]: Handler<N> } = {
  ...watchHandlers,
  ...storageHandlers,
  getSettings: () => loadSettings(),
  changeSettings: (change) => changeSettings(change),
  testResolver: (setting) => testResolver(setting),
  getRecent: () => recentLookups(),
  clearRecent: () => clearRecentLookups(),
  compareResolvers: (request) => compareResolvers(request),
  checkSpf: (request) => checkSpf(request),
  messageDnsAsk: (request) => messageDnsAsk(request),
  takePanelQuery: async (_payload, sender) => (sender.tab?.id === undefined ? undefined : takePending(sender.tab.id)),
};

/**
 * runtime.onMessage listener in the polyfill's promise form: the answer's promise, or undefined
 * when the message is not a request of ours (another listener's, or not from us).
 */
export function routeRequest(message: unknown, sender: Runtime.MessageSender): Promise<ResponseEnvelope> | undefined {
  const envelope = message as Partial<RequestEnvelope> | undefined;
  const name = envelope?.request;
  if (typeof name !== 'string' || !(name in handlers)) return undefined;
  // Only our own pages and our own content script may ask.
  if (sender.id !== extensionApi.runtime.id) return undefined;
  const handler = handlers[name] as Handler<RequestName>;
  // Some requests parse names (compare resolvers, watch a domain): after the suffix list is in.
  return suffixListReady()
    .then(() => handler(envelope!.payload as never, sender))
    .then(
      (value): ResponseEnvelope => ({ ok: true, value }),
      (error: unknown): ResponseEnvelope => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
}
