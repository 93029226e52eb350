/**
 * The right-click entries. Chrome fills `%s` with the selection; on a mailto: link the entry
 * names the address, on other links their domain, on the page the site's domain. A click shows
 * the in-page panel (see show-panel.ts).
 */
import { extensionApi } from '../platform/extension-api';
import { menuTarget, type MenuItemId } from './menu-target';
import { showPanel } from './show-panel';

const ENTRIES: (chrome.contextMenus.CreateProperties & { id: MenuItemId })[] = [
  { id: 'mxray-selection', title: 'MX lookup for “%s”', contexts: ['selection'] },
  { id: 'mxray-mailto', title: 'MX lookup for this email address', contexts: ['link'], targetUrlPatterns: ['mailto:*'] },
  { id: 'mxray-link', title: 'MX lookup for this link’s domain', contexts: ['link'], targetUrlPatterns: ['http://*/*', 'https://*/*'] },
  { id: 'mxray-page', title: 'MX lookup for this site’s domain', contexts: ['page'] },
];

/** Menus persist across worker restarts; create them once per install/update. */
export function createContextMenus(): void {
  extensionApi.contextMenus.removeAll(() => {
    for (const entry of ENTRIES) extensionApi.contextMenus.create(entry, () => void extensionApi.runtime.lastError);
  });
}

export function onContextMenuClick(info: chrome.contextMenus.OnClickData, tab: chrome.tabs.Tab | undefined): void {
  const target = menuTarget(info);
  if (target === undefined) return;
  void showPanel(tab, target);
}
