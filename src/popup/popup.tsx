/**
 * Entry point of popup.html: the toolbar popup, and the result page when opened with `?q=` in a
 * tab. Wires the platform (lookups, tabs, clipboard, settings) into the PopupApp component.
 */
import { render } from 'preact';
import { preloadAskFirst, startLookupAskingFirst } from '../platform/first-questions/start-lookup-asking-first';
import { afterWorkerMayWake, holdStoppedWorker, letWorkerWake, workerState } from '../platform/first-questions/worker-wake';
import { mailActions } from '../platform/mail-actions';
import { sendRequest } from '../platform/requests';
import { watchActions } from '../platform/watch-actions';
import { activeTabUrl, openExtensionPage, openOptionsPage, openResultPage } from '../platform/tabs';
import type { Theme } from '../shared/settings';
import css from '../ui/styles.css';
import { applyTheme } from '../ui/theme';
import popupCss from './popup.css';
import { adoptEarlyOr, queryOfPage, takeEarlyStart } from './early-lookup';
import { PopupApp } from './popup-app';
import { tabHost } from './tab-host';

const query = queryOfPage(location.search);
// popup-early.js, run as the document was parsed, has asked for the tab and the worker's state,
// and sent the lookup to a running worker (early-lookup.ts). With the worker stopped the page asks
// the first questions itself (issue 24): fetch that code while the popup draws; the worker is left
// stopped until the page has shown its first answer. With it running, that code (35 KB gz) is not
// loaded now: its compile took the main thread while the worker's first reports came in. The
// state is known by now (the first script asked first), so waiting for it costs nothing; a later
// lookup that meets a stopped worker loads the chunk then.
const early = takeEarlyStart(query);
holdStoppedWorker(early.workerState);
void early.workerState.then((state) => state !== 'running' && preloadAskFirst());
// A tab with no web page: no lookup for the worker to stay out of the way of, and the quick box's
// recent names come from the worker: wake it now, not when the hold's time runs out (1 s).
void early.input.then((input) => input === undefined && letWorkerWake());

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

const isPage = query !== undefined;
root.classList.toggle('page', isPage);

// The early lookup's request goes out before Preact takes the main thread (issue 24): at most
// EARLY_WAIT_MS, a browser that is slow to say where the tab is must not hold the first frame.
const EARLY_WAIT_MS = 50;
await Promise.race([early.lookup, new Promise((resolve) => setTimeout(resolve, EARLY_WAIT_MS))]);

render(
  <PopupApp
    query={query}
    isPage={isPage}
    platform={{
      // The worker's state asked at start is used up by the early lookup (the next asks afresh).
      start: adoptEarlyOr(early, startLookupAskingFirst, () => void workerState()),
      // An extension page is a secure, focused context: the async clipboard API is enough here.
      actions: { copy: (text) => navigator.clipboard.writeText(text), mail: mailActions({ canRequestPermissions: true }), watch: watchActions() },
      findTabHost: async () => tabHost(await (early.tabUrl ?? activeTabUrl())),
      getRecent: () => afterWorkerMayWake(() => sendRequest('getRecent', undefined)),
      openOptions: () => void openOptionsPage(),
      openInTab: (input) => void openResultPage(input),
      openPage: (path) => void openExtensionPage(path),
    }}
  />,
  document.getElementById('app')!,
);
