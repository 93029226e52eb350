/** The `bulk` port: each attached bulk page sends commands and hears every job event. */
import type { Runtime } from '../../platform/extension-api';
import type { BulkCommand, BulkEvent } from '../../shared/bulk-messages';
import { bulkCommand, onBulkEvent } from './bulk-runner';
import { afterSuffixList } from '../suffix-list';

export function serveBulkPort(port: Runtime.Port): void {
  const send = (event: BulkEvent) => {
    try {
      port.postMessage(event);
    } catch {
      // The page went away; onDisconnect cleans up.
    }
  };
  const stop = onBulkEvent(send);
  port.onDisconnect.addListener(() => stop());
  port.onMessage.addListener(
    afterSuffixList((message: unknown) => {
      // Our own pages are the only senders (runtime.connect from extension pages); the type is theirs.
      const command = message as BulkCommand;
      bulkCommand(command, send).catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
    }),
  );
}
