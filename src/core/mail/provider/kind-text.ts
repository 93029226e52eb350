/** A few words for what a provider does, shared by the section's UI and the CLI. */
import type { ProviderKind } from './types';

export const PROVIDER_KIND_TEXT: Record<ProviderKind, string> = {
  mailbox: 'mailboxes',
  gateway: 'filtering gateway',
  forwarding: 'forwarding only',
  inbound: 'mail for applications',
};
