/**
 * "Explain a message" (issue #22): the plain data every part of `src/core/message` shares, and
 * the shape the shells show (`mxray --message --json` prints `MessageExplanation` as it is).
 *
 * A message is attacker-controlled data. It is read as a *byte string*: a JS string whose every
 * character is one byte (0-255) of the message, exactly as it was on the wire, because DKIM
 * signs bytes (8-bit headers, odd line ends). `byteString()` makes one from bytes or from text;
 * text for people comes from `displayText()` (UTF-8, RFC 2047 encoded-words decoded).
 *
 * Who fills what:
 *   parse/    readMessage(): header fields, body, notes; dates; addresses; RFC 2047
 *   route/    the Received chain -> hops (delivery order), delays and flags
 *   claims/   what the receiver said: Authentication-Results, ARC-Authentication-Results, Received-SPF
 *   dkim/     every DKIM-Signature verified (RFC 6376, 8301, 8463), keys over DnsAsk
 *   arc/      the ARC sets verified (RFC 8617), with dkim/'s crypto
 *   bounce/   DSNs (RFC 3464), provider bounce texts, a lone SMTP error line; RFC 3463 codes
 *   explain-message.ts   ties them together with SPF check_host() and DMARC; the verdict
 */
import type { Finding } from '../vocabulary';

/** A string whose every character is one byte (0-255) of the message. */
export type ByteString = string;

/** One header field, in message order (the top one first). */
export interface HeaderField {
  /** The field name as written, case kept. */
  name: string;
  /** The field name in lower case, for lookups. */
  key: string;
  /**
   * The field exactly as in the message (a byte string): name, colon, value, folding kept, line
   * ends made CRLF, without the final CRLF. DKIM's "simple" header canonicalisation reads this.
   */
  raw: ByteString;
  /** The value after the colon, unfolded (CRLFs removed), outer white space trimmed; a byte string. */
  value: ByteString;
}

export interface ParsedMessage {
  headers: HeaderField[];
  /**
   * The body as a byte string with CRLF line ends, or `null` when the input is a header block
   * alone (no empty line after the header). An empty string is an empty body, which can be hashed.
   */
  body: ByteString | null;
  /** The body was cut short at the size limit: its hash cannot be checked. */
  bodyTruncated: boolean;
  /** Size of the input in bytes, as given (before any cut). */
  size: number;
  /** What was odd while reading (bare LF line ends, 8-bit header bytes, too many fields), as sentences. */
  notes: string[];
}

/** One step of the Received chain, in delivery order (the origin first). JSON: `hops[]`. */
export interface Hop {
  /** The `from` clause's name (HELO as given), or null. */
  from: string | null;
  /** The `by` clause's name, or null. */
  by: string | null;
  /** The sending address of the `from` clause (the one the receiver saw), canonical text, or null. */
  ip: string | null;
  /** The `with` protocol (ESMTPS, SMTP, LMTP, HTTP, Microsoft SMTP Server...), or null. */
  with: string | null;
  /** true: TLS (ESMTPS/ESMTPSA, a TLS comment); false: plain SMTP; null: cannot tell (local, HTTP...). */
  tls: boolean | null;
  /** The hop's time, ISO 8601 in UTC (`2026-12-07T13:05:00.000Z`), or null when absent or unreadable. */
  at: string | null;
  /** Seconds since the previous hop with a time; null for the first hop or when either time is missing. */
  delaySeconds: number | null;
  /** The Received field's value, unfolded, as display text (escaping is the shell's job). */
  text: string;
  /** What stands out: a slow hop, clocks that disagree, no TLS on a hop between servers. */
  flags: HopFlag[];
}

export type HopFlag = 'slow' | 'clock-skew' | 'no-tls' | 'private-ip' | 'unparsed-date';

/** RFC 8601 result words, as DKIM, ARC and the receiver's claims use them. */
export type AuthResult = 'pass' | 'fail' | 'neutral' | 'temperror' | 'permerror' | 'none' | 'policy' | 'softfail';

/** One DKIM-Signature, verified by MXray. JSON: `dkim[]`. */
export interface DkimVerification {
  /** `d=`, ASCII, lower case; null when the tag is missing or unreadable. */
  domain: string | null;
  /** `s=`, or null. */
  selector: string | null;
  /** `a=` as written (`rsa-sha256`, `ed25519-sha256`, `rsa-sha1`...), or null. */
  algorithm: string | null;
  result: 'pass' | 'fail' | 'neutral' | 'temperror' | 'permerror';
  /** Why, in words: "body hash mismatch: the body was changed after signing", "no key at ...". */
  reason: string;
  /** The body hash was compared (false for a header block alone, a cut body, or a failure before it). */
  bodyChecked: boolean;
  /** The header signature (b=) was checked against the key: true verified, false did not, null not reached. */
  headerVerified: boolean | null;
  /** `i=` (the agent or user identifier), or null. */
  identity: string | null;
  /** Signed header field names (`h=`), in order. */
  signedHeaders: string[];
  /** `l=`: the body length signed, when limited. */
  bodyLength: number | null;
  /** Header and body canonicalisation, `relaxed/simple` style. */
  canonicalization: string;
  /** Signed at (`t=`) and expiry (`x=`), ISO 8601, or null. */
  signedAt: string | null;
  expiresAt: string | null;
  /** The key record was published with t=y (testing): receivers may treat the mail as unsigned. */
  testing: boolean;
  /** Key size in bits, when known. */
  keyBits: number | null;
  /** Warnings that do not change the result (l= lets anyone append, a header signed once that can be added again...). */
  warnings: string[];
}

/** What the receiving side's headers claimed. JSON: `receiverSaid`. */
export interface ReceiverClaims {
  dkim: string | null;
  spf: string | null;
  dmarc: string | null;
  /** The authserv-id of the Authentication-Results field read, or null. */
  authservId: string | null;
  /** Which header the claims come from (`Authentication-Results`, `ARC-Authentication-Results i=1`, `Received-SPF`). */
  source: string | null;
  /** The `smtp.mailfrom`, `header.d` / `header.i`, `smtp.remote-ip` properties, when given. */
  properties: Record<string, string>;
}

/** Where the connecting address for SPF came from. */
export type IpSource = 'Received-SPF' | 'Authentication-Results' | 'Received';

export interface SpfVerification {
  ip: string;
  /** The header it was read from, in words: "Received-SPF client-ip", "Authentication-Results smtp.remote-ip", "Received (hop 2, by mx.example.net)". */
  ipSource: string;
  /** The MAIL FROM address (Return-Path), "" for a bounce (null sender). */
  mailFrom: string;
  helo: string | null;
  /** The domain checked: the MAIL FROM domain, or the HELO name for a null sender. */
  domain: string;
  result: 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';
  /** The check_host() sentence ("203.0.113.9 may send mail for example.com: it matches ip4:..."). */
  sentence: string;
}

export interface DmarcVerification {
  /** The RFC5322.From domain, ASCII; null when there is no single readable From. */
  domain: string | null;
  result: 'pass' | 'fail' | 'none' | 'temperror' | 'permerror';
  /** The policy that applies (p=, sp= or np=), or null without a record. */
  policy: 'none' | 'quarantine' | 'reject' | null;
  /** The tag the policy comes from. */
  policyTag: 'p' | 'sp' | 'np' | null;
  /** The domain whose `_dmarc` record applies. */
  recordDomain: string | null;
  alignment: {
    /** The `d=` of the first DKIM signature that passed and aligns, or null. */
    dkim: string | null;
    /** The SPF domain when SPF passed and aligns, or null. */
    spf: string | null;
  };
  /** adkim / aspf modes in force. */
  modes: { dkim: 'r' | 's'; spf: 'r' | 's' };
  /** What receivers do with it, in words. */
  receiverAction: string;
}

export interface ArcSet {
  instance: number;
  /** cv= of the ARC-Seal: none, pass, fail. */
  cv: string | null;
  /** The sealer (`d=` of the ARC-Seal) and the AMS signer. */
  sealDomain: string | null;
  sealResult: 'pass' | 'fail' | 'neutral' | 'temperror' | 'permerror';
  signatureResult: 'pass' | 'fail' | 'neutral' | 'temperror' | 'permerror';
  reason: string;
  /** What this intermediary saw: its ARC-Authentication-Results, read. */
  claims: ReceiverClaims | null;
}

/** JSON: `arc`. */
export interface ArcVerification {
  chain: 'none' | 'pass' | 'fail';
  sets: ArcSet[];
  /** Why the chain is what it is, in words. */
  reason: string;
}

/** A link that runs an MXray lookup. */
export interface LookupLink {
  kind: 'mx' | 'spf' | 'dmarc' | 'report';
  domain: string;
  /** For `spf`: the sending address to test. */
  ip?: string;
  /** In words: "Mail servers of example.net". */
  label: string;
}

/** JSON: `bounce`. */
export interface BounceExplanation {
  /** The enhanced status code (RFC 3463), `5.7.26`; null when only a basic code is given. */
  status: string | null;
  /** The basic SMTP reply code (550), when seen. */
  smtpCode: number | null;
  /** DSN Action: failed, delayed, delivered, relayed, expanded; null when unknown. */
  action: string | null;
  /** The remote server that refused it (Remote-MTA, or named in the text). */
  remoteMta: string | null;
  /** The diagnostic line as the server gave it. */
  diagnostic: string | null;
  /** The status in plain words, with the provider's meaning where known. */
  explanation: string;
  /** Who reported it, when recognised: gmail, microsoft, postfix, exim, sendmail, qmail, dsn, smtp-line. */
  reporter: string | null;
  /** The recipient that failed, when given. */
  recipient: string | null;
  /** What to check, as sentences. */
  advice: string[];
  /** The lookups that check it. */
  links: LookupLink[];
}

/** The whole answer to "why?". JSON: this object as it is. */
export interface MessageExplanation {
  /** One line in plain words. */
  verdict: string;
  /** authenticated | not-authenticated | bounced | unverifiable (headers only, nothing to verify). */
  verdictKind: 'authenticated' | 'not-authenticated' | 'bounced' | 'unverifiable';
  /** RFC5322.From domain, ASCII; null when absent or more than one. */
  from: string | null;
  subject: string | null;
  hops: Hop[];
  /** Total seconds from the first hop with a time to the last, or null. */
  totalSeconds: number | null;
  dkim: DkimVerification[];
  spf: SpfVerification | null;
  /** Why `spf` is null, in words ("no connecting address found"). */
  spfMissing: string | null;
  dmarc: DmarcVerification;
  arc: ArcVerification;
  receiverSaid: ReceiverClaims;
  bounce: BounceExplanation | null;
  /** Disagreements between what the receiver said and what MXray verified, and other findings. */
  findings: Finding[];
  /** Every domain involved, for links to their full reports. */
  links: LookupLink[];
  /** Reading notes (bare LF, cut body, too many Received lines...). */
  notes: string[];
  /** The input had a body MXray could hash. */
  bodyGiven: boolean;
  size: number;
}
