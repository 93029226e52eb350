/** The tab the popup was opened on. `activeTab` grants its URL while the popup is open. */
import { extensionApi } from './extension-api';

export async function activeTabUrl(): Promise<string | undefined> {
  const [tab] = await extensionApi.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

/** Open the result page for a query in a new tab next to the current one. */
export async function openResultPage(query: string): Promise<void> {
  await extensionApi.tabs.create({ url: resultPageUrl(query) });
}

/** One of the extension's own pages (`bulk.html`, `message.html`) in a new tab. */
export async function openExtensionPage(path: string): Promise<void> {
  await extensionApi.tabs.create({ url: extensionApi.runtime.getURL(path) });
}

export function resultPageUrl(query: string): string {
  return extensionApi.runtime.getURL(`popup.html?q=${encodeURIComponent(query)}`);
}

export function openOptionsPage(): Promise<void> {
  return extensionApi.runtime.openOptionsPage();
}
