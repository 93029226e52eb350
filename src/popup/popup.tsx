/**
 * Entry point of popup.html: the toolbar popup, and the result page when opened with `?q=` in a
 * tab. Wires the platform (lookups, tabs, clipboard, settings) into the PopupApp component.
 */
import { render } from 'preact';
import { preloadAskFirst, startLookupAskingFirst } from '../platform/first-questions/start-lookup-asking-first';
import { afterWorkerMayWake, holdStoppedWorker } from '../platform/first-questions/worker-wake';
import { mailActions } from '../platform/mail-actions';
import { sendRequest } from '../platform/requests';
import { watchActions } from '../platform/watch-actions';
import { activeTabUrl, openExtensionPage, openOptionsPage, openResultPage } from '../platform/tabs';
import type { Theme } from '../shared/settings';
import css from '../ui/styles.css';
import { applyTheme } from '../ui/theme';
import popupCss from './popup.css';
import { PopupApp } from './popup-app';
import { tabHost } from './tab-host';

// The page asks a lookup's first questions itself (issue 24): fetch that code while the popup
// draws, and leave a stopped worker stopped until the page has shown its first answer.
holdStoppedWorker();
preloadAskFirst();

const THEME_KEY = 'mxray-theme';
const root = document.documentElement;

// The last theme is kept in localStorage so the popup does not flash light before the worker answers.
applyTheme(root, (localStorage.getItem(THEME_KEY) as Theme | null) ?? 'system');
afterWorkerMayWake(() => sendRequest('getSettings', undefined)).then(
  (settings) => {
    applyTheme(root, settings.theme);
    localStorage.setItem(THEME_KEY, settings.theme);
  },
  () => undefined,
);

const style = document.createElement('style');
style.textContent = css + popupCss;
document.head.append(style);

const query = new URLSearchParams(location.search).get('q')?.trim() || undefined;
const isPage = query !== undefined;
root.classList.toggle('page', isPage);
// The toolbar popup looks up its tab's host: ask the browser for it now, while Preact draws, so
// the lookup starts the moment the answer comes (issue 24), not one browser round trip after the first frame.
const tabUrl = isPage ? undefined : activeTabUrl();
tabUrl?.catch(() => undefined);

render(
  <PopupApp
    query={query}
    isPage={isPage}
    platform={{
      start: startLookupAskingFirst,
      // An extension page is a secure, focused context: the async clipboard API is enough here.
      actions: { copy: (text) => navigator.clipboard.writeText(text), mail: mailActions({ canRequestPermissions: true }), watch: watchActions() },
      findTabHost: async () => tabHost(await (tabUrl ?? activeTabUrl())),
      getRecent: () => afterWorkerMayWake(() => sendRequest('getRecent', undefined)),
      openOptions: () => void openOptionsPage(),
      openInTab: (input) => void openResultPage(input),
      openPage: (path) => void openExtensionPage(path),
    }}
  />,
  document.getElementById('app')!,
);
