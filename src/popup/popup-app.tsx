/**
 * The popup (and the result page, which is the same page with `?q=` in a tab).
 *
 * - `?q=`: look that up at once.
 * - Otherwise the active tab's host and its registrable domain are looked up side by side, and
 *   the one with mail servers leads (choose-lead.ts); the "Domain" switch flips to the other.
 *   The registrable domain comes from the host's first report from the worker (`query.registrable`,
 *   computed by the worker's parser, sent before any DNS answer): the public suffix list stays
 *   out of the popup's bundle. The page's own report (`pageOnly`, issue 24) cannot name it, so
 *   a host with mail servers leads at once, and one without waits for the worker's report.
 * - A page without a host (new tab, chrome://, file:) opens on the quick box.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Report } from '../core/report';
import type { LookupRequest } from '../shared/messages';
import type { ReportActions } from '../ui/actions';
import { DomainSwitch } from '../ui/domain-switch';
import { currentNotice } from '../ui/format/status-text';
import { LookupView } from '../ui/lookup-view';
import { QuickBox } from '../ui/quick-box';
import { useLookup, type StartLookup } from '../ui/use-lookup';
import { chooseLead, registrableOf, type Lead } from './choose-lead';

type Mode = 'starting' | 'idle' | 'tab' | 'single';

/** What the popup needs from the browser, passed in so the component runs in tests. */
export interface PopupPlatform {
  start: StartLookup;
  actions: ReportActions;
  /** The active tab's host, when the popup opened on a web page. */
  findTabHost: () => Promise<string | undefined>;
  getRecent: () => Promise<string[]>;
  openOptions: () => void;
  openInTab: (input: string) => void;
  /** Open one of the extension's pages (bulk.html, message.html) in a tab: Firefox's popup does not follow a target=_blank link. */
  openPage?: (path: string) => void;
}

export interface PopupAppProps {
  platform: PopupPlatform;
  /** `?q=` of the result page. */
  query?: string;
  /** Shown in a tab (result page) rather than as the toolbar popup. */
  isPage: boolean;
}

const request = (input: string, source: LookupRequest['source']): LookupRequest => ({ type: 'lookup', input, source });

export function PopupApp({ platform, query, isPage }: PopupAppProps) {
  const { start, actions } = platform;
  const [main, runMain, rerunMain] = useLookup(start);
  const [alt, runAlt, rerunAlt] = useLookup(start);
  const [mode, setMode] = useState<Mode>('starting');
  const [lead, setLead] = useState<Lead | undefined>();
  const [recent, setRecent] = useState<string[]>([]);

  const refreshRecent = () => platform.getRecent().then(setRecent, () => setRecent([]));

  // A layout effect: the lookup starts as the first render is committed, not after the first
  // paint (where Preact runs effects), which under load is frames later (issue 24).
  useLayoutEffect(() => {
    void refreshRecent();
    if (query) {
      setMode('single');
      runMain(request(query, 'omnibox'));
      return;
    }
    platform.findTabHost().then(
      (host) => {
        if (!host) return setMode('idle');
        setMode('tab');
        runMain(request(host, 'tab'));
      },
      () => setMode('idle'),
    );
  }, []);

  // A tab host the parser refuses (`localhost`, an intranet name) is not worth an error: offer the box.
  useEffect(() => {
    if (mode === 'tab' && main.invalid) setMode('idle');
  }, [mode, main.invalid]);

  const registrable = mode === 'tab' && !main.pageOnly ? registrableOf(main.report) : undefined;
  useEffect(() => {
    if (registrable) runAlt(request(registrable, 'tab'));
  }, [registrable]);

  // Decide once which name leads; after that only the person flips it.
  // A lookup that cannot finish (worker gone, input refused) must not hold the decision forever.
  const altUsable = registrable !== undefined && !alt.lost && !alt.invalid;
  const automatic = mode === 'single' || main.lost ? 'host' : mode === 'tab' ? chooseLead(main.report, alt.report, altUsable, !main.pageOnly) : undefined;
  useEffect(() => {
    if (lead === undefined && automatic !== undefined) setLead(automatic);
  }, [automatic, lead]);
  // The render that decides already shows the lead (the effect above, run after the paint, only
  // keeps the decision): the first mail server row paints a frame earlier (issue 24).
  const leading = lead ?? automatic;

  // A typed lookup is remembered by the worker: offer it next time.
  useEffect(() => {
    if (main.request?.source === 'typed' && main.report?.status === 'done') void refreshRecent();
  }, [main.report?.status]);

  const lookUp = (input: string) => {
    setMode('single');
    setLead('host');
    runAlt(undefined);
    runMain(request(input, 'typed'));
    if (isPage) history.replaceState(null, '', `?q=${encodeURIComponent(input)}`);
  };

  const shown = leading === 'registrable' ? alt : main;
  const choices = useMemo(
    () =>
      registrable && main.request
        ? [
            { key: 'host', label: main.report?.query.display ?? main.request.input },
            { key: 'registrable', label: alt.report?.query.display ?? registrable },
          ]
        : [],
    [registrable, main.request, main.report?.query.display, alt.report?.query.display],
  );

  useEffect(() => {
    const name = shown.report?.query.display ?? shown.request?.input;
    document.title = name ? `${name} · MXray` : 'MXray';
  }, [shown.report?.query.display, shown.request?.input]);

  // The page links are links (the popup's JS at load is at its 18 KB budget: one handler for both).
  const openPage = (event: MouseEvent) => {
    if (!platform.openPage) return;
    event.preventDefault();
    platform.openPage((event.currentTarget as HTMLAnchorElement).getAttribute('href')!);
  };

  return (
    <div class="mxray app">
      <header class="bar">
        <span class="brand">MXray</span>
        {!isPage && shown.request && (
          <button type="button" class="link-button" onClick={() => platform.openInTab(shown.report?.query.input ?? shown.request!.input)}>
            Open in tab
          </button>
        )}
        <a class="link-button" href="bulk.html" onClick={openPage}>
          Check a list
        </a>
        <a class="link-button" href="message.html" onClick={openPage}>
          Explain a message
        </a>
        <button type="button" class="link-button" onClick={platform.openOptions}>
          Options
        </button>
      </header>
      <QuickBox onLookup={lookUp} recent={recent} initial={query ?? ''} autoFocus={mode === 'idle'} />
      {mode === 'tab' && leading && choices.length === 2 && <DomainSwitch choices={choices} selected={leading} onSelect={(key) => setLead(key as Lead)} />}
      {mode === 'idle' && <p class="hint">This page has no domain to look up. Type a domain, an email address, a URL or an IP address.</p>}
      {(mode === 'single' || mode === 'tab') && (
        <LookupView
          state={leading === undefined ? waiting(main.request, main.report) : shown}
          actions={actions}
          rerun={leading === 'registrable' ? rerunAlt : rerunMain}
        />
      )}
    </div>
  );
}

/** Before a name leads, only the request shows, and what the host's lookup says meanwhile (a slow resolver). */
function waiting(request: LookupRequest | undefined, report: Report | undefined) {
  const notice = currentNotice(report);
  return notice ? { request, notice } : { request };
}
