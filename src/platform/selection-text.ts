/**
 * A right-clicked selection's text with its line breaks. Chromium's `selectionText` (the menu
 * click's) turns every line break into a space, and a message's header is lines: `Name: value`
 * at each line's start. The click grants activeTab, so the selection is read in the frame it is
 * in (a textarea's or a text field's selection too, which `getSelection()` does not include).
 * `undefined` where the page cannot be scripted (browser pages, the PDF viewer): the caller
 * falls back to `selectionText`.
 */
import { extensionApi } from './extension-api';

/** Runs in the page: no closures, no imports. */
function readSelection(): string {
  const active = document.activeElement;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) {
    const { selectionStart, selectionEnd, value } = active;
    if (selectionStart !== null && selectionEnd !== null && selectionEnd > selectionStart) return value.slice(selectionStart, selectionEnd);
  }
  return getSelection()?.toString() ?? '';
}

export async function selectionWithLineBreaks(tabId: number, frameId = 0): Promise<string | undefined> {
  try {
    const [result] = await extensionApi.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, func: readSelection });
    const text = result?.result;
    return typeof text === 'string' && text.trim() !== '' ? text : undefined;
  } catch {
    return undefined;
  }
}
