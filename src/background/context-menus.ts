/**
 * The right-click entries. Chrome fills `%s` with the selection; on a mailto: link the entry
 * names the address, on other links their domain, on the page the site's domain. A click shows
 * the in-page panel (see show-panel.ts). "Explain with MXray" opens message.html with the
 * selection (explain-selection.ts); in Firefox it is hidden when the selection holds no header
 * line and no SMTP error (message-selection.ts).
 */
import { tryParseQuery } from '../core/query';
import { extensionApi, type Menus, type Tabs } from '../platform/extension-api';
import { enableMenuRetitling, type MenuShownInfo } from '../platform/menu-retitling';
import { explainSelection } from './explain-selection';
import { looksLikeMessage } from './message-selection';
import { menuTarget, type MenuItemId } from './menu-target';
import { showPanel } from './show-panel';
import { rememberSelection } from './bulk/panel-selection';
import { withSuffixList } from './suffix-list';

const ENTRIES: (Menus.CreateCreatePropertiesType & { id: MenuItemId })[] = [
  { id: 'mxray-selection', title: 'MX lookup for “%s”', contexts: ['selection'] },
  { id: 'mxray-mailto', title: 'MX lookup for this email address', contexts: ['link'], targetUrlPatterns: ['mailto:*'] },
  { id: 'mxray-link', title: 'MX lookup for this link’s domain', contexts: ['link'], targetUrlPatterns: ['http://*/*', 'https://*/*'] },
  { id: 'mxray-page', title: 'MX lookup for this site’s domain', contexts: ['page'] },
  { id: 'mxray-explain', title: 'Explain with MXray', contexts: ['selection'] },
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
  enableMenuRetitling((info) => withSuffixList(() => retitle(info)));
}

/**
 * Where the browser lets us (Firefox's menus.onShown), name what the entry will look up. Firefox
 * leaves the selection and the link out on pages the extension has no host permission for (all
 * pages until a click grants activeTab): there the entries get their own titles back, never
 * the title set for the last page.
 */
function retitle(info: MenuShownInfo): { id: MenuItemId; title?: string; visible?: boolean }[] {
  const shown = new Set(info.menuIds ?? []);
  const named = (id: MenuItemId, target: string | undefined) => ({ id, title: target ? `MX lookup for ${shorten(target)}` : createdTitle(id) });
  const changes: { id: MenuItemId; title?: string; visible?: boolean }[] = [];
  if (shown.has('mxray-selection')) {
    const target = info.selectionText === undefined ? undefined : menuTarget({ menuItemId: 'mxray-selection', selectionText: info.selectionText });
    changes.push(named('mxray-selection', target));
  }
  if (shown.has('mxray-mailto')) {
    // The address the click looks up: the mailto: URL parsed (`?subject=` and the like dropped).
    const parsed = info.linkUrl ? tryParseQuery(info.linkUrl) : undefined;
    changes.push(named('mxray-mailto', parsed?.ok ? (parsed.query.email ?? parsed.query.display) : undefined));
  }
  // Judged on every selection menu (a hidden entry is not in `menuIds`, yet may apply this time);
  // without the selection (a page not granted) it cannot be judged, and stays.
  if (info.contexts?.includes('selection'))
    changes.push({ id: 'mxray-explain', visible: info.selectionText === undefined || looksLikeMessage(info.selectionText) });
  return changes;
}

function createdTitle(id: MenuItemId): string {
  return ENTRIES.find((entry) => entry.id === id)?.title ?? 'MX lookup';
}

function shorten(text: string): string {
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

export function onContextMenuClick(info: Menus.OnClickData, tab: Tabs.Tab | undefined): void {
  if (info.menuItemId === 'mxray-explain') {
    void explainSelection(info, tab);
    return;
  }
  const target = menuTarget(info);
  if (target === undefined) return;
  rememberSelection(info, tab);
  void showPanel(tab, target);
}
