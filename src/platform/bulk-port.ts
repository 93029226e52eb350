/**
 * The bulk page's side of the `bulk` port. The worker may be stopped at any time (MV3); when
 * the port drops, connect again and attach: the job is in the worker's IndexedDB, and the
 * worker resumes a running job when it starts.
 */
import type { Runtime } from './extension-api';
import { BULK_PORT, type BulkCommand, type BulkEvent } from '../shared/bulk-messages';
import { extensionApi } from './extension-api';

export interface BulkConnection {
  send: (command: BulkCommand) => void;
  close: () => void;
}

export function connectBulk(onEvent: (event: BulkEvent) => void): BulkConnection {
  let port: Runtime.Port | undefined;
  let closed = false;
  const connect = () => {
    port = extensionApi.runtime.connect({ name: BULK_PORT });
    port.onMessage.addListener((event: unknown) => onEvent(event as BulkEvent));
    port.onDisconnect.addListener(() => {
      void extensionApi.runtime.lastError;
      port = undefined;
      if (!closed) setTimeout(connect, 100);
    });
    port.postMessage({ type: 'attach' } satisfies BulkCommand);
  };
  connect();
  return {
    send: (command) => {
      if (!port) connect();
      port!.postMessage(command);
    },
    close: () => {
      closed = true;
      port?.disconnect();
    },
  };
}

export function bulkPageUrl(): string {
  return extensionApi.runtime.getURL('bulk.html');
}

export async function openBulkPage(text?: string, start = false): Promise<void> {
  // A selection handed over travels in the hash: never sent anywhere, read once by the page.
  const hash = text ? `#${start ? 'start=1&' : ''}text=${encodeURIComponent(text.slice(0, 100_000))}` : '';
  await extensionApi.tabs.create({ url: bulkPageUrl() + hash });
}
