/**
 * The service worker: owns the DoH client and its cache, the settings, the menus and the
 * omnibox, and runs lookups for the UIs. Listeners are registered synchronously at the top
 * level, as MV3 requires, so events that wake the worker find them.
 */
import { extensionApi } from '../platform/extension-api';
import { LOOKUP_PORT } from '../shared/messages';
import { createContextMenus, onContextMenuClick, retitleMenusWhereSupported } from './context-menus';
import { serveLookupPort } from './lookup-port';
import { onOmniboxInputChanged, onOmniboxInputEntered } from './omnibox';
import { routeRequest } from './request-router';
import { startWatching } from './watch/start-watching';
import { BULK_PORT, SELECTION_PORT } from '../shared/bulk-messages';
import { serveSelectionPort } from './bulk/panel-selection';
import { serveBulkPort } from './bulk/bulk-port';
import { resumeBulkJob } from './bulk/bulk-runner';
import { afterSuffixList, suffixListReady } from './suffix-list';

// First, so the list's read overlaps everything else the start does (src/background/suffix-list.ts);
// a bulk run the worker was stopped in goes on once it is in.
void suffixListReady()
  .then(() => resumeBulkJob())
  .catch(() => undefined);
extensionApi.runtime.onInstalled.addListener(() => createContextMenus());
extensionApi.runtime.onConnect.addListener((port) => {
  if (port.name === LOOKUP_PORT) serveLookupPort(port);
  if (port.name === BULK_PORT) serveBulkPort(port);
  if (port.name === SELECTION_PORT) serveSelectionPort(port);
});
extensionApi.runtime.onMessage.addListener(routeRequest);
extensionApi.contextMenus.onClicked.addListener(afterSuffixList(onContextMenuClick));
retitleMenusWhereSupported();
extensionApi.omnibox.onInputChanged.addListener(afterSuffixList(onOmniboxInputChanged));
extensionApi.omnibox.onInputEntered.addListener(afterSuffixList(onOmniboxInputEntered));
startWatching();
