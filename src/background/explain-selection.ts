/**
 * "Explain with MXray" on a selection: its text, line breaks kept (read in the page, which the
 * click granted; Chromium's `selectionText` has them as spaces), opens in a new message.html
 * tab through storage.session, never in the URL (src/platform/message-page.ts).
 */
import type { Menus, Tabs } from '../platform/extension-api';
import { openMessagePageWith } from '../platform/message-page';
import { selectionWithLineBreaks } from '../platform/selection-text';

export async function explainSelection(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<void> {
  const read = tab?.id !== undefined && tab.id >= 0 ? await selectionWithLineBreaks(tab.id, info.frameId) : undefined;
  await openMessagePageWith(read ?? info.selectionText ?? '', tab);
}
