/**
 * What the big mailbox providers mean by their codes, re-typed as facts from their public error
 * lists (Gmail SMTP errors and codes, Exchange Online NDR reference, Yahoo sender hub): some
 * reuse registry numbers with their own meaning (Gmail's 5.7.27 is "SPF did not pass", not the
 * null-MX code of RFC 7505), so a provider's meaning wins over the registry's.
 */
import type { BounceTopic } from './bounce-topic';

export type Provider = 'gmail' | 'microsoft' | 'yahoo';

export const PROVIDER_NAMES: Readonly<Record<Provider, string>> = { gmail: 'Gmail', microsoft: 'Microsoft (Outlook / Microsoft 365)', yahoo: 'Yahoo' };

export interface ProviderMeaning {
  provider: Provider;
  topic: BounceTopic;
  /** Why it refused, to follow "Gmail refused it because ": `{from}` is the sender's domain. */
  because: string;
  /** The provider gives the code a meaning of its own, unlike the registry's (or the registry has none). */
  own?: true;
}

interface Entry extends Omit<ProviderMeaning, 'provider'> {
  codes: readonly string[];
  /** Tested on the capped diagnostic text; simple alternations only. */
  words?: RegExp;
}

const UNAUTHENTICATED = 'the message passed neither SPF nor DKIM for {from}';

const ENTRIES: Readonly<Record<Provider, readonly Entry[]>> = {
  gmail: [
    {
      codes: ['5.7.26', '4.7.26', '5.7.1'],
      words: /DMARC/i,
      topic: 'dmarc',
      because: "{from}'s DMARC failed: neither SPF nor DKIM passed aligned with {from}, and its DMARC policy asks receivers to refuse such mail",
    },
    { codes: ['5.7.26', '4.7.26'], topic: 'dmarc', because: `the sender is unauthenticated: ${UNAUTHENTICATED}` },
    { own: true, codes: ['5.7.27', '4.7.27'], topic: 'spf', because: 'SPF did not pass for the sending IP (Gmail uses this code for SPF)' },
    {
      own: true,
      codes: ['5.7.30', '4.7.30'],
      topic: 'dkim',
      because: 'DKIM did not pass: the message carries no valid DKIM signature (Gmail uses this code for DKIM)',
    },
    { own: true, codes: ['5.7.32', '4.7.32'], topic: 'alignment', because: 'the From domain {from} is not aligned with the domain SPF or DKIM authenticated' },
    {
      own: true,
      codes: ['5.7.40', '4.7.40', '4.7.31'],
      topic: 'dmarc',
      because: '{from} has no DMARC record with a usable policy, which Gmail requires of bulk senders',
    },
    { codes: ['5.7.25', '4.7.25'], topic: 'ptr', because: 'the sending IP has no PTR record, or its PTR name does not resolve back to the same IP' },
    { own: true, codes: ['4.7.23'], topic: 'ptr', because: 'the sending IP has no PTR record, or its PTR name does not resolve back to the same IP' },
    {
      codes: ['4.7.28', '5.7.28', '4.7.0'],
      words: /unusual rate|unsolicited/i,
      topic: 'rate',
      because: 'it saw an unusual rate of unsolicited mail from the sending IP or domain',
    },
    { codes: ['4.7.0', '5.7.0'], words: /\bTLS\b/, topic: 'tls', because: "the recipient's domain requires TLS, and the connection did not use it" },
    {
      codes: ['5.7.1'],
      words: /not authorized to send|SMTP relay/i,
      topic: 'ip-block',
      because: "the sending IP may not deliver to Gmail directly (for example a dynamic address); mail should go through the provider's relay",
    },
    { codes: ['5.7.1'], words: /\bSPF\b/, topic: 'spf', because: 'SPF did not pass for the sending IP' },
    {
      codes: ['5.7.1'],
      words: /unsolicited|spam/i,
      topic: 'content',
      because: "it judged the message likely unsolicited, from its content or the sender's reputation",
    },
    { codes: ['5.1.1'], topic: 'no-user', because: 'the address does not exist there' },
    { codes: ['5.2.2', '4.2.2'], topic: 'mailbox-full', because: "the recipient's mailbox is out of storage" },
    { own: true, codes: ['4.2.1'], topic: 'rate', because: 'the recipient is receiving mail too fast; it can be accepted later' },
  ],
  microsoft: [
    { own: true, codes: ['5.7.509'], topic: 'dmarc', because: '{from} does not pass DMARC and publishes a DMARC policy of reject' },
    {
      own: true,
      codes: ['5.7.515'],
      topic: 'dmarc',
      because: '{from} does not meet the authentication Outlook.com requires of high-volume senders: SPF and DKIM passing, and a DMARC record that aligns',
    },
    {
      own: true,
      codes: ['5.7.606', '5.7.649'],
      topic: 'ip-block',
      because: "the sending IP is on Microsoft's banned list; the IP's owner can ask for removal at sender.office.com",
    },
    {
      own: true,
      codes: ['5.7.708'],
      topic: 'ip-block',
      because: 'it does not accept traffic from the sending IP (typically an address with little or poor reputation)',
    },
    {
      codes: ['5.7.1', '5.7.0', '5.7.511'],
      words: /block ?list|weren't sent|banned/i,
      topic: 'ip-block',
      because: "the sending IP, or part of its network, is on Microsoft's block list",
    },
    {
      codes: ['5.7.1', '5.7.0'],
      words: /DMARC|domain owner policy/i,
      topic: 'dmarc',
      because: "{from}'s DMARC policy said to refuse mail that fails authentication",
    },
    {
      own: true,
      codes: ['5.4.1'],
      topic: 'no-user',
      because:
        'the recipient\'s organisation does not accept that address ("Recipient address rejected: Access denied"), or the domain\'s MX is not set up for it',
    },
    { own: true, codes: ['5.1.10'], topic: 'no-user', because: "the recipient address was not found in the receiving organisation's directory" },
    { codes: ['5.1.1'], topic: 'no-user', because: 'the recipient address does not exist there' },
    { codes: ['4.4.7', '5.4.7'], topic: 'expired', because: 'the message expired in the queue: the receiving server did not take it in time' },
  ],
  yahoo: [
    { codes: ['4.7.0', '5.7.0'], words: /TSS04/, topic: 'rate', because: 'it deferred mail from the sending IP for unusual volume or user complaints' },
    {
      own: true,
      codes: ['5.7.9'],
      topic: 'dmarc',
      because: 'the message failed its authentication checks (SPF, DKIM or DMARC) and was not accepted for policy reasons',
    },
  ],
};

/** The provider behind the refusing server, from its host name or the marks in its reply. */
export function detectProvider(remoteMta: string | null, text: string | null, recipientDomain: string | null, reporter: string | null = null): Provider | null {
  const host = (remoteMta ?? '').toLowerCase();
  const words = text ?? '';
  const domain = recipientDomain ?? '';
  if (/(?:^|\.)(?:google|googlemail)\.com\b/.test(host) || /\bgsmtp\b|support\.google\.com/.test(words) || /^(?:gmail|googlemail)\.com$/.test(domain))
    return 'gmail';
  if (
    /outlook\.com|hotmail\.com|microsoft\.com/.test(host) ||
    /protection\.outlook\.com|go\.microsoft\.com|sender\.office\.com|RESOLVER\.|STOREDRV\.|mail\.live\.com/.test(words) ||
    /^(?:outlook|hotmail|live|msn)\.[a-z.]+$/.test(domain)
  )
    return 'microsoft';
  // An Exchange / Microsoft 365 non-delivery report ("Diagnostic information for administrators")
  // is written by the Microsoft side that refused the message; Gmail's bounce text, by contrast,
  // reports another server's refusal, so it names no provider.
  if (reporter === 'microsoft' && !host) return 'microsoft';
  if (/yahoodns\.net|yahoo\.com/.test(host) || /postmaster\.yahoo|yahooinc\.com|\[TSS\d\d\]/.test(words) || /^(?:yahoo|ymail|aol)\.[a-z.]+$/.test(domain))
    return 'yahoo';
  return null;
}

function codeMatches(entry: Entry, provider: Provider, status: string): boolean {
  // Microsoft numbers its banned-IP codes as a range: 5.7.606 to 5.7.649.
  if (provider === 'microsoft' && entry.codes[0] === '5.7.606') {
    const detail = /^5\.7\.(\d+)$/.exec(status)?.[1];
    return detail !== undefined && Number(detail) >= 606 && Number(detail) <= 649;
  }
  return entry.codes.includes(status);
}

export function providerMeaning(provider: Provider, status: string | null, text: string | null): ProviderMeaning | null {
  if (status === null) return null;
  for (const entry of ENTRIES[provider]) {
    if (!codeMatches(entry, provider, status)) continue;
    if (entry.words && !entry.words.test(text ?? '')) continue;
    return { provider, topic: entry.topic, because: entry.because, ...(entry.own ? { own: true as const } : {}) };
  }
  return null;
}
