/**
 * A right-clicked selection with more than one domain: the in-page panel still looks up the
 * first, and lists every domain of the selection with a one-line verdict, offering to open them
 * all in the bulk page. The selection is kept per tab until its panel asks (over the
 * `bulk-selection` port); the verdicts are one `runBulk` on the worker's client (routing facts,
 * so cached answers make the panel's own lookup of the first domain free).
 */
import type { Menus, Runtime, Tabs } from '../../platform/extension-api';
import { plainLines, readEntries } from '../../core/bulk/read-entries';
import { runBulk } from '../../core/bulk/run-bulk';
import { RunControl } from '../../core/bulk/run-control';
import type { BulkDomain } from '../../core/bulk/types';
import { openBulkPage } from '../../platform/bulk-port';
import type { SelectionCommand, SelectionEvent } from '../../shared/bulk-messages';
import { lookupOptionsFrom } from '../../shared/lookup-options-from';
import { engine, persistCacheSoon } from '../engine';
import { afterSuffixList } from '../suffix-list';

/** The panel lists at most this many; the bulk page takes them all. */
export const MAX_PANEL_DOMAINS = 50;

/** Per tab, the last selection with two or more domains: its text (for the bulk page) and its domains, read once. */
const selections = new Map<number, { text: string; domains: BulkDomain[] }>();

/** Called on a selection click: remembers the text when it holds two or more domains. */
export function rememberSelection(info: Menus.OnClickData, tab: Tabs.Tab | undefined): void {
  if (tab?.id === undefined) return;
  const domains = info.menuItemId === 'mxray-selection' && info.selectionText ? readEntries(plainLines(info.selectionText)).domains : [];
  if (domains.length >= 2) selections.set(tab.id, { text: info.selectionText!, domains });
  else selections.delete(tab.id);
}

export function serveSelectionPort(port: Runtime.Port): void {
  const tabId = port.sender?.tab?.id;
  const control = new RunControl();
  port.onDisconnect.addListener(() => control.cancel());
  const send = (event: SelectionEvent) => {
    try {
      port.postMessage(event);
    } catch {
      control.cancel();
    }
  };
  port.onMessage.addListener(
    afterSuffixList((message: unknown) => {
      const command = message as SelectionCommand;
      const selection = tabId === undefined ? undefined : selections.get(tabId);
      if (command.type === 'open-bulk') {
        if (selection) void openBulkPage(selection.text, true);
        return;
      }
      if (!selection) {
        send({ type: 'selection', domains: [], total: 0 });
        return;
      }
      const { domains } = selection;
      const shown = domains.slice(0, MAX_PANEL_DOMAINS);
      send({ type: 'selection', domains: shown.map((d) => ({ domain: d.domain, display: d.display })), total: domains.length });
      void engine().then(async ({ client, settings }) => {
        // A verdict per domain, as the bulk page's routing-only run asks it.
        const lookup = lookupOptionsFrom({ ...settings, diagnostics: false }, 'bulk');
        await runBulk(shown, client, { control, lookup, maxLookups: 8, onResult: (result) => send({ type: 'verdict', result }) });
        persistCacheSoon();
      });
    }),
  );
}
