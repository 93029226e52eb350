/**
 * Firefox tells an extension its menu is about to show (`menus.onShown`), with the selection
 * or link, and lets it change the title before the person sees it (`menus.refresh`): so the
 * entry can read "MX lookup for help@example.com" instead of the raw selection. Chrome has
 * no such event; there the title's `%s` shows the selection as it is.
 */
import { extensionApi, type Menus } from './extension-api';

/** What Firefox says about the menu about to show: its contexts, our entries in it, the selection or link. */
export type MenuShownInfo = Pick<Menus.OnShownInfoType, 'contexts' | 'selectionText' | 'linkUrl'> & { menuIds?: Menus.OnShownInfoType['menuIds'] };

let enabled = false;

/** A new title, or shown/hidden (an entry that does not apply to what is selected). */
type TitleChanges = readonly { id: string; title?: string; visible?: boolean }[];

/** `titlesFor` may answer later (a worker still reading its suffix list): the titles are set then, while the menu is still open. */
export function enableMenuRetitling(titlesFor: (info: MenuShownInfo) => TitleChanges | Promise<TitleChanges>): void {
  // Firefox names the namespace after the permission asked for: the manifest asks for
  // `contextMenus` (Chrome's name), so there `browser.menus` is undefined and onShown and
  // refresh are on `browser.contextMenus`. Chrome's contextMenus has no onShown.
  const api = extensionApi as { menus?: Partial<Menus.Static>; contextMenus?: Partial<Menus.Static> };
  const menus = api.menus ?? api.contextMenus;
  if (enabled || !menus?.onShown || !menus.update || !menus.refresh) return;
  const { update, refresh } = { update: menus.update.bind(menus), refresh: menus.refresh.bind(menus) };
  enabled = true;
  menus.onShown.addListener((info) => {
    void Promise.resolve(titlesFor(info))
      .then(async (changes) => {
        if (changes.length === 0) return;
        await Promise.all(
          changes.map(({ id, title, visible }) => update(id, { ...(title === undefined ? {} : { title }), ...(visible === undefined ? {} : { visible }) })),
        );
        await refresh();
      })
      .catch(() => undefined);
  });
}
