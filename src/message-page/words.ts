/** The page's words for the explanation's codes, as pure functions (the views and tests share them). */
import type { HopFlag, MessageExplanation } from '../core/message/types';

export const KIND_WORDS: Record<MessageExplanation['verdictKind'], string> = {
  authenticated: 'Authenticated',
  'not-authenticated': 'Not authenticated',
  bounced: 'Bounced',
  unverifiable: 'Cannot verify',
};

export const FLAG_WORDS: Record<HopFlag, string> = {
  slow: 'slow hop (greylisting or a queue)',
  'clock-skew': 'clocks disagree',
  'no-tls': 'no TLS',
  'private-ip': 'private address',
  'unparsed-date': 'date not readable',
};

/** A time of the message in the person's own time zone and format. */
export function localTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleString();
}

export function tlsWords(tls: boolean | null): string {
  return tls === true ? 'yes' : tls === false ? 'no' : 'unknown';
}

/** A domain MXray can open a report for: an ASCII host name (the explanation gives them in ASCII). */
export function isLinkableDomain(domain: string): boolean {
  return domain.length <= 253 && /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+\.?$/i.test(domain);
}
