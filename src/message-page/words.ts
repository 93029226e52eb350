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

/** `4 s`, `3 min 10 s`, `2 h 5 min`, `1 d 3 h`; a negative delay keeps its sign (clocks that disagree). */
export function durationWords(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  let left = Math.round(Math.abs(seconds));
  const days = Math.floor(left / 86_400);
  left -= days * 86_400;
  const hours = Math.floor(left / 3600);
  left -= hours * 3600;
  const minutes = Math.floor(left / 60);
  const secs = left - minutes * 60;
  const parts =
    days > 0
      ? [`${days} d`, hours > 0 ? `${hours} h` : '']
      : hours > 0
        ? [`${hours} h`, minutes > 0 ? `${minutes} min` : '']
        : minutes > 0
          ? [`${minutes} min`, secs > 0 ? `${secs} s` : '']
          : [`${secs} s`];
  return sign + parts.filter(Boolean).join(' ');
}

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
