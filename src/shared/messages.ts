/**
 * Everything the UIs (popup, result page, in-page panel, options) and the service worker say to
 * each other, typed once here and imported by both sides, so a renamed field fails the build.
 *
 * - Lookups stream over a port named `lookup`: the UI sends one `LookupRequest`, the worker
 *   answers with a `report` message per partial report (the last has `status: 'done'`) or one
 *   `invalid` message. Closing the port cancels the lookup. If the port drops before `done`
 *   (the browser stopped the worker), the UI connects again and sends the same request: the
 *   answers already received are in the worker's persisted cache, so it resumes at once.
 * - Everything else is a request/response `runtime.sendMessage` described by `Requests`.
 */
import type { InvalidQueryJson } from '../core/query/invalid-query';
import type { ComparedType, ResolverComparison } from '../core/compare/comparison';
import type { Relay } from '../core/doh/relayed-answers';
import type { Report } from '../core/report';
import type { SpfCheck, SpfCheckPayload } from '../core/mail/spf/check-host/types';
import type { AskResult, MailQuestionType } from '../core/mail/dns-ask';
import type { ResolverSetting, Settings } from './settings';
import type { StorageRequests } from './storage-messages';
import type { WatchRequests } from './watch-messages';

export const LOOKUP_PORT = 'lookup';

export interface LookupRequest {
  type: 'lookup';
  /** What the person typed or picked: a domain, email, URL or IP. */
  input: string;
  /** Where it came from, for the recent list (typed lookups are remembered, automatic ones not). */
  source: 'typed' | 'tab' | 'menu' | 'link' | 'omnibox';
  /**
   * The page asks the routing's questions itself and relays them (`relay` messages on the same
   * port, core/doh/relayed-answers.ts): the worker waits for those answers instead of asking again.
   */
  pageAsks?: boolean;
}

/** From the page, after its `LookupRequest`: the questions it asked, answers and failures since the last relay. */
export interface RelayMessage {
  type: 'relay';
  relay: Relay;
}

/**
 * To the UI. `pageOnly` (never sent by the worker): the page's own routing report, before the
 * worker has spoken; its query names no registrable domain yet (the page parses without the
 * public suffix list), so the popup does not yet know whether there is one.
 */
export type LookupMessage = { type: 'report'; report: Report; pageOnly?: true } | { type: 'invalid'; error: InvalidQueryJson };

/** Request/response messages: name -> [request payload, response]. History and watch list: watch-messages.ts. */
export interface Requests extends WatchRequests, StorageRequests {
  getSettings: [undefined, Settings];
  /** Only the fields a page changed, written over the stored settings (no other tab's change undone). */
  changeSettings: [Partial<Settings>, Settings];
  /** Ask a resolver one question (MX of a well-known name) and say how it went. */
  testResolver: [ResolverSetting, { ok: true; ms: number; resolver: string } | { ok: false; message: string }];
  getRecent: [undefined, string[]];
  clearRecent: [undefined, string[]];
  /** The in-page panel asks which query it was opened for. */
  takePanelQuery: [undefined, string | undefined];
  /** Ask every resolver the same question (MX by default), each on its own, and return all answers. */
  compareResolvers: [{ input: string; type?: ComparedType }, ResolverComparison];
  /** "Test a sending server": RFC 7208 check_host() for an IP, a sender and a HELO name. */
  checkSpf: [SpfCheckPayload, SpfCheck];
  /**
   * "Explain a message" (message.html) parses and verifies the message in the page; only its DNS
   * questions (DKIM keys, SPF, DMARC) come here, to go out through the user's resolver and cache.
   * `depth`: round trips of the answer that led to this question (a `DnsAsk`'s `after`).
   */
  messageDnsAsk: [{ name: string; type: MailQuestionType; depth?: number }, AskResult];
}

export type RequestName = keyof Requests;

export interface RequestEnvelope<N extends RequestName = RequestName> {
  request: N;
  payload: Requests[N][0];
}

export type ResponseEnvelope<N extends RequestName = RequestName> = { ok: true; value: Requests[N][1] } | { ok: false; error: string };
