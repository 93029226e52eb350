/**
 * The right-click entries. Chrome fills `%s` with the selection; on a mailto: link the entry
 * names the address, on other links their domain, on the page the site's domain. A click shows
 * the in-page panel (see show-panel.ts).
 */
import { extensionApi } from '../platform/extension-api';
import { enableMenuRetitling, type MenuShownInfo } from '../platform/menu-retitling';
import { menuTarget, type MenuItemId } from './menu-target';
import { showPanel } from './show-panel';

const ENTRIES: (chrome.contextMenus.CreateProperties & { id: MenuItemId })[] = [
  { id: 'mxray-selection', title: 'MX lookup for “%s”', contexts: ['selection'] },
  { id: 'mxray-mailto', title: 'MX lookup for this email address', contexts: ['link'], targetUrlPatterns: ['mailto:*'] },
  { id: 'mxray-link', title: 'MX lookup for this link’s domain', contexts: ['link'], targetUrlPatterns: ['http://*/*', 'https://*/*'] },
  { id: 'mxray-page', title: 'MX lookup for this site’s domain', contexts: ['page'] },
];

/**
 * Menus persist across worker restarts; create them once per install/update. Promise style:
 * Firefox's `browser.*` takes no callbacks.
 */
export async function createContextMenus(): Promise<void> {
  await extensionApi.contextMenus.removeAll();
  for (const entry of ENTRIES) extensionApi.contextMenus.create(entry);
}

/** Registered at the top level of the background, like every listener, so a restarted background has it. */
export function retitleMenusWhereSupported(): void {
  enableMenuRetitling((info) => retitle(info));
}

/** Where the browser lets us (Firefox's menus.onShown), name what the entry will look up. */
function retitle(info: MenuShownInfo): { id: MenuItemId; title: string } | undefined {
  if (info.contexts.includes('selection') && info.selectionText !== undefined) {
    const target = menuTarget({ menuItemId: 'mxray-selection', selectionText: info.selectionText });
    return target ? { id: 'mxray-selection', title: `MX lookup for ${shorten(target)}` } : undefined;
  }
  if (info.linkUrl?.toLowerCase().startsWith('mailto:')) {
    const target = menuTarget({ menuItemId: 'mxray-selection', selectionText: decodeURIComponent(info.linkUrl.slice(7)) });
    return target ? { id: 'mxray-mailto', title: `MX lookup for ${shorten(target)}` } : undefined;
  }
  return undefined;
}

function shorten(text: string): string {
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

export function onContextMenuClick(info: chrome.contextMenus.OnClickData, tab: chrome.tabs.Tab | undefined): void {
  const target = menuTarget(info);
  if (target === undefined) return;
  void showPanel(tab, target);
}
