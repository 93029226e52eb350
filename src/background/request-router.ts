/**
 * One handler per request name (src/shared/messages `Requests`), so adding a request is adding a
 * line here and the compiler checks both ends. Answers are `{ok, value}` or `{ok: false, error}`.
 */
import { extensionApi } from '../platform/extension-api';
import type { RequestEnvelope, RequestName, Requests, ResponseEnvelope } from '../shared/messages';
import { clearRecentLookups, recentLookups } from './recent-lookups';
import { compareResolvers } from './requests/compare-resolvers';
import { testResolver } from './requests/test-resolver';
import { loadSettings, saveSettings } from './settings-store';
import { takePending } from './show-panel';
import { watchHandlers } from './watch/watch-requests';

type Handler<N extends RequestName> = (payload: Requests[N][0], sender: chrome.runtime.MessageSender) => Promise<Requests[N][1]>;

const handlers: { [N in RequestName]: Handler<N> } = {
  ...watchHandlers,
  getSettings: () => loadSettings(),
  saveSettings: (settings) => saveSettings(settings),
  testResolver: (setting) => testResolver(setting),
  getRecent: () => recentLookups(),
  clearRecent: () => clearRecentLookups(),
  compareResolvers: (request) => compareResolvers(request),
  takePanelQuery: async (_payload, sender) => (sender.tab?.id === undefined ? undefined : takePending(sender.tab.id)),
};

/** runtime.onMessage listener: returns true to keep the channel open for the async answer. */
export function routeRequest(message: unknown, sender: chrome.runtime.MessageSender, respond: (response: ResponseEnvelope) => void): boolean {
  const envelope = message as Partial<RequestEnvelope> | undefined;
  const name = envelope?.request;
  if (typeof name !== 'string' || !(name in handlers)) return false;
  // Only our own pages and our own content script may ask.
  if (sender.id !== extensionApi.runtime.id) return false;
  const handler = handlers[name] as Handler<RequestName>;
  handler(envelope!.payload as never, sender).then(
    (value) => respond({ ok: true, value }),
    (error: unknown) => respond({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
  return true;
}
