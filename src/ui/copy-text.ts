/**
 * Clipboard writing that works in the popup and in the in-page panel. The async clipboard API
 * needs a secure, focused document; a content script on an http:// page has none, so the old
 * way (select a textarea, execCommand) is the fallback. The textarea is put next to the button
 * that asked, inside the panel's shadow root, so the page never sees the text.
 */
export async function copyText(text: string, near: Node = document.body): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // fall through to the textarea
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const parent = near.parentNode ?? document.body;
  parent.appendChild(area);
  area.select();
  // execCommand is deprecated but is the only clipboard access some contexts have.
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('The browser did not allow copying.');
}
