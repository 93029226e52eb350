/**
 * Show a lookup in the page the person is on: inject the panel (activeTab + scripting, granted
 * by the click itself, so no host permission is needed) and hand it the query when it asks.
 * Pages that cannot be scripted (browser pages, the web store, the PDF viewer) get the result
 * page in a new tab instead.
 */
import { extensionApi, type Tabs } from '../platform/extension-api';
import { resultPageUrl } from '../platform/tabs';

/** Queries waiting for a panel to ask for them, by tab id. Kept in storage.session too, in case the worker restarts in between. */
const KEY = 'pendingPanels';

export async function showPanel(tab: Tabs.Tab | undefined, input: string): Promise<void> {
  if (tab?.id === undefined || tab.id < 0) {
    await openResultPage(input, tab);
    return;
  }
  await setPending(tab.id, input);
  try {
    await extensionApi.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
  } catch {
    await takePending(tab.id);
    await openResultPage(input, tab);
  }
}

async function openResultPage(input: string, tab: Tabs.Tab | undefined): Promise<void> {
  const properties: Tabs.CreateCreatePropertiesType = { url: resultPageUrl(input) };
  if (tab?.index !== undefined) properties.index = tab.index + 1;
  if (tab?.windowId !== undefined) properties.windowId = tab.windowId;
  await extensionApi.tabs.create(properties);
}

async function setPending(tabId: number, input: string): Promise<void> {
  const stored = (await extensionApi.storage.session.get(KEY))[KEY] as Record<string, string> | undefined;
  await extensionApi.storage.session.set({ [KEY]: { ...stored, [tabId]: input } });
}

/** The query a panel in this tab was opened for (once). */
export async function takePending(tabId: number): Promise<string | undefined> {
  const stored = ((await extensionApi.storage.session.get(KEY))[KEY] as Record<string, string> | undefined) ?? {};
  const input = stored[tabId];
  if (input !== undefined) {
    delete stored[tabId];
    await extensionApi.storage.session.set({ [KEY]: stored });
  }
  return input;
}
