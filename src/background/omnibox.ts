/** `mx gmail.com` in the address bar opens the result page for it. */
import { tryParseQuery } from '../core/query';
import { extensionApi, type Omnibox } from '../platform/extension-api';
import { resultPageUrl } from '../platform/tabs';

export function onOmniboxInputChanged(text: string, suggest: (suggestions: Omnibox.SuggestResult[]) => void): void {
  const parsed = tryParseQuery(text);
  const description = parsed.ok ? `Where does mail for ${escapeXml(parsed.query.display)} go?` : escapeXml(parsed.error.message);
  extensionApi.omnibox.setDefaultSuggestion({ description });
  suggest([]);
}

export function onOmniboxInputEntered(text: string, disposition: Omnibox.OnInputEnteredDisposition): void {
  const url = resultPageUrl(text.trim());
  if (disposition === 'currentTab') void extensionApi.tabs.update({ url });
  else void extensionApi.tabs.create({ url, active: disposition !== 'newBackgroundTab' });
}

/** Chrome's omnibox descriptions are XML: what the person typed must not become markup. */
function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
