/**
 * What a bounce is about, as the lookup that checks it sees it: one word per thing to check
 * (the sender's SPF, DMARC, the recipient's MX, the sending IP's PTR...). Read from the
 * enhanced status code first, then from the words of the server's reply.
 */
export type BounceTopic =
  | 'dmarc'
  | 'alignment'
  | 'spf'
  | 'dkim'
  | 'ptr'
  | 'ip-block'
  | 'rate'
  | 'content'
  | 'no-user'
  | 'no-domain'
  | 'no-route'
  | 'recipient-null-mx'
  | 'sender-null-mx'
  | 'expired'
  | 'mailbox-full'
  | 'too-big'
  | 'tls'
  | 'arc'
  | 'policy';

const BY_STATUS: Readonly<Record<string, BounceTopic>> = {
  '1.1': 'no-user',
  '1.2': 'no-domain',
  '1.3': 'no-user',
  '1.6': 'no-user',
  '1.8': 'sender-null-mx',
  '1.10': 'recipient-null-mx',
  '2.1': 'no-user',
  '2.2': 'mailbox-full',
  '2.3': 'too-big',
  '3.4': 'too-big',
  '4.4': 'no-route',
  '4.7': 'expired',
  '7.1': 'policy',
  '7.20': 'dkim',
  '7.21': 'dkim',
  '7.22': 'alignment',
  '7.23': 'spf',
  '7.24': 'spf',
  '7.25': 'ptr',
  '7.26': 'dmarc',
  '7.27': 'sender-null-mx',
  '7.28': 'rate',
  '7.29': 'arc',
  '7.30': 'tls',
};

/** The topic an enhanced status code names by itself (RFC 3463, RFC 7372), or null. */
export function topicOfStatus(code: string | null): BounceTopic | null {
  if (code === null) return null;
  const [, subject, detail] = code.split('.');
  return BY_STATUS[`${subject}.${detail}`] ?? null;
}

/**
 * Words in the reply that name a cause. Ordered: DMARC before SPF (a DMARC text often names
 * SPF too); plain-word tests on text the caller has capped, no backtracking patterns.
 */
const BY_WORDS: readonly (readonly [RegExp, BounceTopic])[] = [
  [/\bDMARC\b/i, 'dmarc'],
  [/\bSPF\b|sender policy framework|not designated as permitted sender/i, 'spf'],
  [/\bDKIM\b/i, 'dkim'],
  [/\bPTR\b|reverse DNS|\brDNS\b|reverse (?:lookup|mapping)/i, 'ptr'],
  [/block ?list|black ?list|spamhaus|\bDNSBL\b|\bRBL\b|banned sending IP|listed at/i, 'ip-block'],
  [
    /user unknown|unknown user|no such (?:user|mailbox)|does not exist|doesn't exist|recipient not found|address rejected|invalid recipient|mailbox unavailable|mailbox not found/i,
    'no-user',
  ],
  [/over quota|quota exceeded|mailbox (?:is )?full|insufficient storage/i, 'mailbox-full'],
  [/host or domain name not found|domain not found|no mx|nxdomain|name service error/i, 'no-route'],
  [/\bSTARTTLS\b|\bTLS\b/, 'tls'],
  [/too many (?:messages|connections)|rate limit|rate-limit|throttl|try again later|greylist|temporarily deferred/i, 'rate'],
  [/\bspam\b|unsolicited|content rejected|suspicious/i, 'content'],
];

export function topicOfText(text: string | null): BounceTopic | null {
  if (!text) return null;
  for (const [pattern, topic] of BY_WORDS) if (pattern.test(text)) return topic;
  return null;
}
