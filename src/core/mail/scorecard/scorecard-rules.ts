/**
 * The scorecard's rules, one place: each line, the standard it holds the domain to, why it
 * matters, and its rule (in the three files by kind). docs/scorecard.md says the same in words.
 */
import { judgeDkim, judgeDmarc, judgeSpf } from './auth-lines';
import type { ScorecardRule } from './judgement';
import { judgeIpv6, judgeMx, judgeResilience } from './routing-lines';
import { judgeDane, judgeDnssec, judgeMtaSts, judgeTlsRpt } from './transport-lines';
import type { ScorecardId } from './types';

export const SCORECARD_RULES: { [K in ScorecardId]: ScorecardRule & { id: K } } = {
  mx: {
    id: 'mx',
    rfc: 'RFC 5321 §5.1, RFC 7505',
    why: 'Senders must find a mail host that resolves, or a null MX that says no mail is taken.',
    judge: judgeMx,
  },
  spf: {
    id: 'spf',
    rfc: 'RFC 7208',
    why: 'Receivers check the sending server against it; without one, mail from the domain is judged on reputation alone.',
    judge: judgeSpf,
  },
  dkim: {
    id: 'dkim',
    rfc: 'RFC 6376, RFC 8301 §3.2',
    why: 'A signature that survives forwarding, which DMARC can rely on where SPF breaks.',
    judge: judgeDkim,
  },
  dmarc: {
    id: 'dmarc',
    rfc: 'RFC 7489 §6.3, DMARCbis',
    why: 'Tells receivers to quarantine or reject mail that fails SPF and DKIM alignment: the only thing that stops spoofing.',
    judge: judgeDmarc,
  },
  dnssec: {
    id: 'dnssec',
    rfc: 'RFC 4035 §3.2.3, RFC 7672 §2.2',
    why: 'Signed answers cannot be forged on the way, and DANE needs them for the MX answer and the hosts alike.',
    judge: judgeDnssec,
  },
  dane: {
    id: 'dane',
    rfc: 'RFC 7672, RFC 7671',
    why: 'Lets senders check the MX hosts’ TLS certificates against DNSSEC-signed records, so TLS cannot be stripped or faked.',
    judge: judgeDane,
  },
  mtaSts: {
    id: 'mtaSts',
    rfc: 'RFC 8461',
    why: 'Makes senders without DANE (the large mailbox providers) insist on TLS with a valid certificate for the listed MX hosts.',
    judge: judgeMtaSts,
  },
  tlsRpt: {
    id: 'tlsRpt',
    rfc: 'RFC 8460',
    why: 'Senders report TLS failures, so a broken certificate or policy is seen before mail is lost.',
    judge: judgeTlsRpt,
  },
  ipv6: {
    id: 'ipv6',
    rfc: 'RFC 3901 §3, internet.nl',
    why: 'IPv6-only senders can deliver, and an IPv4 outage does not stop mail.',
    judge: judgeIpv6,
  },
  resilience: {
    id: 'resilience',
    rfc: 'RFC 5321 §5.1',
    why: 'Backups help only when they do not share the primary’s network, and the priorities do what was meant.',
    judge: judgeResilience,
  },
};
