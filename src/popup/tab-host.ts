/**
 * The host of the tab the popup was opened on, if it is a web page. chrome://, file:, about:
 * and the new tab page have no domain to look up, so the popup goes straight to the quick box.
 */
export function tabHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.hostname || undefined;
}
