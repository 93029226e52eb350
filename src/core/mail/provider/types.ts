/**
 * Which mail provider runs a domain's MX hosts: plain, serialisable data, computed from the MX
 * list by `identifyProviders` (no DNS of its own).
 */
import type { DnsName } from '../../vocabulary';

/**
 * What the provider does with mail, which changes what a mix of providers means:
 * `mailbox` keeps people's mailboxes (Google Workspace, Microsoft 365); `gateway` filters mail
 * and passes it on to the mailboxes elsewhere (Proofpoint, Mimecast); `forwarding` only
 * forwards (Cloudflare Email Routing); `inbound` hands mail to applications (Mailgun, SES).
 */
export type ProviderKind = 'mailbox' | 'gateway' | 'forwarding' | 'inbound';

export interface ProviderInfo {
  /** Stable, kebab-case: `google-workspace`. */
  id: string;
  /** For people: `Google Workspace`. */
  name: string;
  kind: ProviderKind;
  /** The provider's own page on setting up mail for a domain, when there is a well-known one. */
  url?: string;
}

/**
 * One provider and the MX hosts it runs, in MX order. Hosts no provider in the table claims
 * are grouped in one match without `provider`.
 */
export interface ProviderMatch {
  provider?: ProviderInfo;
  /** ASCII, lower case, no trailing dot; each host once. */
  hosts: DnsName[];
}
