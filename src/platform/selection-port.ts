/** The in-page panel's side of the `bulk-selection` port (see src/background/bulk/panel-selection.ts). */
import { SELECTION_PORT, type SelectionCommand, type SelectionEvent } from '../shared/bulk-messages';
import { extensionApi } from './extension-api';

export interface SelectionConnection {
  openBulk: () => void;
  close: () => void;
}

export function watchSelection(onEvent: (event: SelectionEvent) => void): SelectionConnection {
  const port = extensionApi.runtime.connect({ name: SELECTION_PORT });
  port.onMessage.addListener((event: unknown) => onEvent(event as SelectionEvent));
  port.onDisconnect.addListener(() => void extensionApi.runtime.lastError);
  port.postMessage({ type: 'list' } satisfies SelectionCommand);
  return {
    openBulk: () => port.postMessage({ type: 'open-bulk' } satisfies SelectionCommand),
    close: () => port.disconnect(),
  };
}
