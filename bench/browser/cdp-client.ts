// A bare Chrome DevTools Protocol client on the browser's own WebSocket, for the two things
// Playwright does not give us: attaching to a toolbar popup before its document runs (Playwright is
// never told about the popup, see test/e2e/harness/person.ts) and talking to the extension's
// service worker by target (heap, GC, evaluate) however often the browser restarts it.
// One connection, flat sessions (`sessionId` on each message).
import { WebSocket } from 'undici';

export type CdpParams = Record<string, unknown>;
type Listener = (params: CdpParams, sessionId: string | undefined) => void;

export interface CdpClient {
  send<T = CdpParams>(method: string, params?: CdpParams, sessionId?: string): Promise<T>;
  /** Calls `listener` for every event named `method`; returns a function that stops it. */
  on(method: string, listener: Listener): () => void;
  close(): void;
}

interface CdpMessage {
  id?: number;
  method?: string;
  params?: CdpParams;
  result?: CdpParams;
  error?: { code: number; message: string };
  sessionId?: string;
}

/** Connects to `http://127.0.0.1:<port>` (a browser's DevTools endpoint). */
export async function connectCdp(endpoint: string): Promise<CdpClient> {
  const version = (await (await fetch(`${endpoint}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const socket = new WebSocket(version.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error(`cannot open ${version.webSocketDebuggerUrl}`)), { once: true });
  });
  let lastId = 0;
  const pending = new Map<number, { resolve: (value: CdpParams) => void; reject: (error: Error) => void; method: string }>();
  const listeners = new Map<string, Set<Listener>>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as CdpMessage;
    if (message.id !== undefined) {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) call?.reject(new Error(`${call.method}: ${message.error.message}`));
      else call?.resolve(message.result ?? {});
      return;
    }
    for (const listener of listeners.get(message.method ?? '') ?? []) listener(message.params ?? {}, message.sessionId);
  });
  socket.addEventListener('close', () => {
    for (const call of pending.values()) call.reject(new Error(`${call.method}: the DevTools connection closed`));
    pending.clear();
  });
  return {
    send: <T>(method: string, params: CdpParams = {}, sessionId?: string) =>
      new Promise<T>((resolve, reject) => {
        const id = ++lastId;
        pending.set(id, { resolve: resolve as (value: CdpParams) => void, reject, method });
        socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      }),
    on: (method, listener) => {
      const set = listeners.get(method) ?? new Set();
      listeners.set(method, set.add(listener));
      return () => set.delete(listener);
    },
    close: () => socket.close(),
  };
}
