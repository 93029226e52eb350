/**
 * How a change on the watch list reaches the person: the toolbar badge (always), and a system
 * notification when they granted the optional `notifications` permission (asked the first time
 * they watch a name, from that click). Clicking the notification opens the Watch view.
 */
import type { Permissions } from 'webextension-polyfill';
import { extensionApi } from './extension-api';

const NOTIFICATIONS: Permissions.Permissions = { permissions: ['notifications'] };

const ASKED_KEY = 'mxray-notifications-asked';

/**
 * From a click in an extension page, in the click's own task (Firefox shows a permission prompt
 * only then, so nothing is awaited before the request): ask for notifications the first time a
 * name is watched, never again after (the badge and the Watch view work without).
 */
export function askForNotificationsOnce(): Promise<boolean> {
  if (localStorage.getItem(ASKED_KEY)) return Promise.resolve(false);
  localStorage.setItem(ASKED_KEY, String(Date.now()));
  return extensionApi.permissions.request(NOTIFICATIONS).catch(() => false);
}

export async function notificationsAllowed(): Promise<boolean> {
  try {
    return await extensionApi.permissions.contains(NOTIFICATIONS);
  } catch {
    return false;
  }
}

/** Shows the notification when allowed; says whether it did. */
export async function notifyChange(id: string, title: string, message: string): Promise<boolean> {
  if (!(await notificationsAllowed()) || !extensionApi.notifications) return false;
  await extensionApi.notifications.create(id, { type: 'basic', iconUrl: extensionApi.runtime.getURL('icons/icon-128.png'), title, message, priority: 1 });
  return true;
}

/** Register at the worker's top level: a click on one of our notifications opens `page`. */
export function onNotificationClicked(page: string): void {
  // Without the permission the event object may not exist until it is granted (Chrome).
  extensionApi.notifications?.onClicked.addListener((id) => {
    if (!id.startsWith('watch:')) return;
    void extensionApi.tabs.create({ url: extensionApi.runtime.getURL(page) });
    void extensionApi.notifications.clear(id);
  });
}

/** The badge: the number of changes not yet seen, nothing when there are none; the button's own title. */
export async function showUnseen(count: number): Promise<void> {
  await extensionApi.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' });
  if (count > 0) await extensionApi.action.setBadgeBackgroundColor({ color: '#b3261e' });
  await extensionApi.action.setTitle({ title: extensionApi.runtime.getManifest().action?.default_title ?? 'MXray' });
}

export const COULD_NOT_SAVE_TITLE = 'MXray could not save the watch list: storage is full';

/** The badge when the watch list could not be saved: "!", and the reason in the button's title (its tooltip). */
export async function showCouldNotSave(): Promise<void> {
  await extensionApi.action.setBadgeText({ text: '!' });
  await extensionApi.action.setBadgeBackgroundColor({ color: '#b3261e' });
  await extensionApi.action.setTitle({ title: COULD_NOT_SAVE_TITLE });
}
