/**
 * SPF as the receiving side saw it: RFC 7208 check_host() (the engine's own) for the address
 * that connected to the receiver, with the MAIL FROM of the Return-Path and the HELO name. A
 * null sender (a bounce) is checked with the HELO identity, as RFC 7208 §2.4 says receivers do.
 */
import type { DnsAsk } from '../../mail/dns-ask';
import { checkHost } from '../../mail/spf/check-host/check-host';
import { checkSentence } from '../../mail/spf/check-host/check-wording';
import { addressDomain, returnPath } from '../parse/addresses';
import type { ConnectingIp } from '../route/connecting-ip';
import type { ParsedMessage, ReceiverClaims, SpfVerification } from '../types';

export interface SpfOutcome {
  spf: SpfVerification | null;
  /** Why there is no SPF result, when there is none. */
  missing: string | null;
}

export async function spfForMessage(
  message: ParsedMessage,
  connecting: ConnectingIp | null,
  claims: ReceiverClaims,
  ask: DnsAsk,
  now: () => number,
): Promise<SpfOutcome> {
  if (!connecting) {
    return {
      spf: null,
      missing:
        'No connecting address found: no Received-SPF client-ip, no Authentication-Results smtp.remote-ip, and no Received line with a public sending address.',
    };
  }
  const mailFrom = returnPath(message) ?? claims.properties['smtp.mailfrom'] ?? '';
  const helo = connecting.helo;
  const mailFromDomain = mailFrom === '' ? null : addressDomain(mailFrom);
  let domain: string;
  let sender: string;
  if (mailFromDomain) {
    domain = mailFromDomain;
    sender = mailFrom;
  } else if (helo) {
    domain = helo;
    sender = `postmaster@${helo}`;
  } else {
    return { spf: null, missing: 'No MAIL FROM (Return-Path) domain and no HELO name: SPF has no identity to check.' };
  }
  try {
    const check = await checkHost(connecting.ip, domain, sender, helo, { ask, now, authorizedSenders: false });
    return {
      spf: { ip: check.ip, ipSource: connecting.source, mailFrom, helo, domain: check.domain, result: check.result, sentence: checkSentence(check) },
      missing: null,
    };
  } catch (error) {
    // check_host() throws only for an address that is not one; connectingIp() gives parsed ones.
    return { spf: null, missing: `The connecting address ${connecting.ip} cannot be checked: ${error instanceof Error ? error.message : String(error)}.` };
  }
}
