/** The `bulk` port: each attached bulk page sends commands and hears every job event. */
import type { BulkCommand, BulkEvent } from '../../shared/bulk-messages';
import { bulkCommand, onBulkEvent } from './bulk-runner';

export function serveBulkPort(port: chrome.runtime.Port): void {
  const send = (event: BulkEvent) => {
    try {
      port.postMessage(event);
    } catch {
      // The page went away; onDisconnect cleans up.
    }
  };
  const stop = onBulkEvent(send);
  port.onDisconnect.addListener(() => stop());
  port.onMessage.addListener((command: BulkCommand) => {
    bulkCommand(command, send).catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
  });
}
