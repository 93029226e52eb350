/**
 * A lookup from a UI's side: connect the `lookup` port, send the request, pass every message on.
 * If the port drops before the final report (the browser stopped the service worker, which MV3
 * does freely), connect again and ask again: the worker restores its cache from
 * `storage.session`, so answers already received cost nothing, and the UI never spins forever.
 */
import { LOOKUP_PORT, type LookupMessage, type LookupRequest, type RelayMessage } from '../shared/messages';
import { extensionApi, type Runtime } from './extension-api';

/** Give up reconnecting after this many drops in a row (then the UI shows an error). */
const MAX_RECONNECTS = 3;

export interface LookupHandlers {
  onMessage: (message: LookupMessage) => void;
  /** The worker could not be reached even after reconnecting. */
  onLost: (reason: string) => void;
  /**
   * After the request went out on a new port (the first, or one after the worker was stopped):
   * `post` sends more on it (the page's relayed answers, src/platform/first-questions.ts).
   */
  onConnect?: (post: (message: RelayMessage) => void) => void;
}

/** Starts the lookup; returns a function that cancels it. */
export function startLookup(request: LookupRequest, handlers: LookupHandlers): () => void {
  let cancelled = false;
  let finished = false;
  let drops = 0;
  let port: Runtime.Port | undefined;

  const connect = () => {
    port = extensionApi.runtime.connect({ name: LOOKUP_PORT });
    port.onMessage.addListener((raw: unknown) => {
      const message = raw as LookupMessage;
      drops = 0;
      if (message.type === 'invalid' || message.report.status === 'done') finished = true;
      handlers.onMessage(message);
    });
    port.onDisconnect.addListener(() => {
      // Reading lastError marks it handled (Chrome logs it otherwise).
      void extensionApi.runtime.lastError;
      if (cancelled || finished) return;
      if (++drops > MAX_RECONNECTS) {
        handlers.onLost('The MXray background service stopped and could not be restarted. Close and reopen MXray.');
        return;
      }
      setTimeout(connect, 50 * drops);
    });
    port.postMessage(request);
    const current = port;
    handlers.onConnect?.((message) => {
      if (port !== current || cancelled) return;
      try {
        current.postMessage(message);
      } catch {
        // The port dropped: onDisconnect reconnects, and onConnect sends everything again.
      }
    });
  };
  connect();
  return () => {
    cancelled = true;
    port?.disconnect();
  };
}
