/**
 * What a report view can ask of the shell around it. Components call these instead of browser
 * APIs, so they render and run in tests with a mock (the Dark Reader pattern).
 */
import type { ResolverComparison } from '../core/compare/comparison';
import type { SpfCheck, SpfCheckPayload } from '../core/mail/spf/check-host/types';

export interface ReportActions {
  /** Put text on the clipboard; rejects when the browser refuses. */
  copy(text: string): Promise<void>;
  /** The mail diagnostics' buttons; without them the buttons are not shown. */
  mail?: MailActions;
  /** The Watch button (extension pages); without it the button is not shown. */
  watch?: WatchActions;
}

/** The watch list, from a report (src/ui/watch-button.tsx). */
export interface WatchActions {
  isWatched(input: string): Promise<boolean>;
  /** Put the name on the watch list (asking for notifications the first time). */
  watch(input: string): Promise<void>;
}

/**
 * What the mail diagnostics sections can ask for. Those that change what a lookup asks (a
 * selector, the blocklists, the MTA-STS permission) resolve once saved; the view then runs the
 * lookup again, which the cache answers at once for everything already asked.
 */
export interface MailActions {
  /** Ask every resolver the MX question of `input` (a domain or email). */
  compareResolvers(input: string): Promise<ResolverComparison>;
  /** Probe this DKIM selector from now on (saved in the settings). */
  addDkimSelector(selector: string): Promise<void>;
  /** Turn the blocklist checks on (saved in the settings). */
  enableBlocklists(): Promise<void>;
  /**
   * Ask for the permission to fetch `https://mta-sts.<domain>/`; true when granted. Absent where
   * permissions cannot be asked for (the in-page panel).
   */
  allowPolicyFetch?(domain: string): Promise<boolean>;
  /** "Test a sending server": RFC 7208 check_host() in the worker. Absent: the form is not shown. */
  checkSpf?(request: SpfCheckPayload): Promise<SpfCheck>;
}
