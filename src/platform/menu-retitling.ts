/**
 * Firefox tells an extension its menu is about to show (`menus.onShown`), with the selection
 * or link, and lets it change the title before the person sees it (`menus.refresh`): so the
 * entry can read "MX lookup for help@example.com" instead of the raw selection. Chrome has
 * no such event; there the title's `%s` shows the selection as it is.
 */
import { extensionApi } from './extension-api';

export interface MenuShownInfo {
  contexts: string[];
  /** This extension's entries in the menu being shown. */
  menuIds?: (string | number)[];
  selectionText?: string;
  linkUrl?: string;
}

interface FirefoxMenus {
  onShown?: { addListener(listener: (info: MenuShownInfo) => void): void };
  update(id: string, properties: { title: string }): Promise<void>;
  refresh(): Promise<void>;
}

let enabled = false;

export function enableMenuRetitling(titlesFor: (info: MenuShownInfo) => readonly { id: string; title: string }[]): void {
  // Firefox names the namespace after the permission asked for: the manifest asks for
  // `contextMenus` (Chrome's name), so there `browser.menus` is undefined and onShown and
  // refresh are on `browser.contextMenus`. Chrome's contextMenus has no onShown.
  const api = extensionApi as unknown as { menus?: FirefoxMenus; contextMenus?: FirefoxMenus };
  const menus = api.menus ?? api.contextMenus;
  if (enabled || !menus?.onShown) return;
  enabled = true;
  menus.onShown.addListener((info) => {
    const changes = titlesFor(info);
    if (changes.length === 0) return;
    void Promise.all(changes.map((change) => menus.update(change.id, { title: change.title })))
      .then(() => menus.refresh())
      .catch(() => undefined);
  });
}
