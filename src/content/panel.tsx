/**
 * content.js: injected on demand by the worker (scripting.executeScript, after a context menu
 * click), never on every page. A second injection reuses the panel already on the page, so
 * two panels never stack: the flag lives in this extension's isolated world, which persists
 * between injections into the same page.
 */
import { startLookup } from '../platform/lookup-port';
import { mailActions } from '../platform/mail-actions';
import { sendRequest } from '../platform/requests';
import { copyText } from '../ui/copy-text';
import { watchSelection } from '../platform/selection-port';
import { mountPanel, PANEL_TAG, type MountedPanel } from './mount-panel';

declare global {
  var mxrayPanel: MountedPanel | undefined;
}

function openPanel(): void {
  const existing = globalThis.mxrayPanel;
  if (existing?.host.isConnected) {
    existing.reopen();
    return;
  }
  // A host left by an earlier copy of the extension (reloaded or updated) cannot be reused.
  for (const stale of document.querySelectorAll(PANEL_TAG)) stale.remove();
  const panel = mountPanel(
    {
      start: startLookup,
      actions: { copy: (text) => copyText(text, panel.host.shadowRoot?.lastChild ?? document.body), mail: mailActions({ canRequestPermissions: false }) },
      takeQuery: () => sendRequest('takePanelQuery', undefined),
      getRecent: () => sendRequest('getRecent', undefined),
      watchSelection,
    },
    sendRequest('getSettings', undefined).then((settings) => settings.theme),
    () => {
      if (globalThis.mxrayPanel === panel) globalThis.mxrayPanel = undefined;
    },
  );
  globalThis.mxrayPanel = panel;
}

openPanel();
