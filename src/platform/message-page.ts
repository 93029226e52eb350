/**
 * Opening "Explain a message" (message.html) with a right-clicked selection (the popup and the
 * options page link to it plainly). The selection is a message, private: it never goes in the URL
 * (which the browser keeps in its history and session). It waits in `storage.session` (memory
 * only, gone when the browser closes) under a one-time id that the URL's hash names; the page
 * reads it and deletes it at once.
 */
import { extensionApi, type Tabs } from './extension-api';

const PAGE = 'message.html';
const PREFIX = 'handoff:';
/** A selection larger than this is cut (storage.session holds 10 MB in all; a header block is a few KB). */
const MAX_HANDOFF = 1_000_000;

export function messagePageUrl(): string {
  return extensionApi.runtime.getURL(PAGE);
}

/** From the worker: a new message.html tab, next to `tab`, that explains `text` at once. */
export async function openMessagePageWith(text: string, tab?: Tabs.Tab): Promise<void> {
  const id = crypto.randomUUID();
  await extensionApi.storage.session.set({ [PREFIX + id]: text.slice(0, MAX_HANDOFF) });
  const properties: Tabs.CreateCreatePropertiesType = { url: `${messagePageUrl()}#handoff=${id}` };
  if (tab?.index !== undefined) properties.index = tab.index + 1;
  if (tab?.windowId !== undefined) properties.windowId = tab.windowId;
  await extensionApi.tabs.create(properties);
}

/** From the page: the text handed over under `id`, once (it is deleted as it is read). */
export async function takeHandedMessage(id: string): Promise<string | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const key = PREFIX + id;
  const stored = (await extensionApi.storage.session.get(key))[key];
  await extensionApi.storage.session.remove(key);
  return typeof stored === 'string' ? stored : undefined;
}
