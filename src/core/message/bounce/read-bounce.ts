/**
 * readBounce(): is this input a bounce, and why did it bounce? It reads RFC 3464 DSNs
 * (multipart/report), the plain-text bounces of Exim, Postfix, Microsoft, Gmail, Sendmail and
 * qmail, and an SMTP error line pasted alone, and explains the RFC 3463 status code in plain
 * words with the provider's own meaning where known (provider-texts.ts).
 *
 * Everything in a bounce is hostile text: every length is capped, every pattern is bounded,
 * and nothing throws. A message that only quotes a status code is not a bounce.
 */
import { parseIp } from '../../ip/parse-ip';
import { addressDomain, fromDomain as fromDomainOf, returnPath } from '../parse/addresses';
import { utf8Text } from '../parse/byte-string';
import { readMessage } from '../parse/read-message';
import type { BounceExplanation, ByteString, ParsedMessage } from '../types';
import { bounceAdvice } from './bounce-advice';
import { bounceSentence } from './bounce-sentence';
import { gatherSources, type BounceSources } from './bounce-sources';
import { topicOfStatus, topicOfText, type BounceTopic } from './bounce-topic';
import { pickRecipient, type DsnRecipient } from './delivery-status';
import { detectProvider, providerMeaning, type Provider } from './provider-texts';
import { collapse, MAX_REPLY_TEXT, parseReplyLine, readReplyLines, readStatusOnly, replyLine, type SmtpReply } from './smtp-reply';
import { statusClassOf } from './status-codes';

/** What the caller knows of the original message, so the links can name its domains and IP. */
export interface ReadBounceOptions {
  /** The RFC5322.From domain of the original (ASCII). */
  fromDomain?: string | null;
  /** The MAIL FROM (Return-Path) domain of the original: SPF's domain. */
  mailFromDomain?: string | null;
  /** The IP the original was sent from, as the refusing server saw it. */
  sendingIp?: string | null;
}

export interface OtherRecipient {
  recipient: string | null;
  action: string | null;
  status: string | null;
}

export interface ReadBounceResult {
  /** The bounce explained, or null when the input is not a bounce. */
  bounce: BounceExplanation | null;
  /**
   * The returned original as a byte string: the whole message (message/rfc822, or the copy a
   * text bounce appends) or its header block alone (text/rfc822-headers), for the caller to
   * read its From domain and route with readMessage(); null when the bounce carries none.
   */
  original: ByteString | null;
  originalKind: 'message' | 'headers' | null;
  /** The DSN's other recipients (RFC 3464 allows several per report). */
  otherRecipients: OtherRecipient[];
  /** The provider whose server refused it, when recognised. */
  provider: Provider | null;
  /** Reading notes: base64 that does not decode, a missing closing boundary... */
  notes: string[];
}

const NOT_A_BOUNCE: ReadBounceResult = { bounce: null, original: null, originalKind: null, otherRecipients: [], provider: null, notes: [] };

export function readBounce(input: ByteString, message: ParsedMessage | null, options: ReadBounceOptions = {}): ReadBounceResult {
  try {
    const sources = gatherSources(input, message);
    return (sources && combine(sources, options)) ?? { ...NOT_A_BOUNCE };
  } catch {
    // A bug must not turn a hostile bounce into a stack trace: it is then just not read as one.
    return { ...NOT_A_BOUNCE };
  }
}

/** The BounceExplanation alone, or null when the input is not a bounce. */
export function explainBounce(input: ByteString, message: ParsedMessage | null, options: ReadBounceOptions = {}): BounceExplanation | null {
  return readBounce(input, message, options).bounce;
}

/** Diagnostic-Code "smtp; 550-5.7.26 ..." as a reply; other types keep their words (RFC 3464 §2.3.6). */
function dsnReply(recipient: DsnRecipient | null): SmtpReply | null {
  const code = recipient?.diagnosticCode;
  if (!code) return null;
  if (parseReplyLine(code)) return readReplyLines([code], 0)?.reply ?? null;
  return readStatusOnly(code) ?? { code: null, status: null, text: collapse(code).slice(0, MAX_REPLY_TEXT) };
}

function cleanHost(text: string | null | undefined): string | null {
  const host = text ? collapse(utf8Text(text)).slice(0, 300) : '';
  return host === '' ? null : host;
}

/** A domain the caller passed, as links name domains: ASCII, lower case, no trailing dot. */
function asciiName(domain: string | null | undefined): string | null {
  return domain ? addressDomain(`postmaster@${domain}`) : null;
}

function canonicalIp(text: string | null | undefined): string | null {
  return text ? (parseIp(text.trim())?.ip ?? null) : null;
}

/** The sending IP some refusals name ("banned sending IP [192.0.2.9]", "messages from [192.0.2.9]"). */
function ipInReply(text: string): string | null {
  const match = /(?:sending IP|messages from|\bIP(?: address)?)\s{0,3}\[?(\d{1,3}(?:\.\d{1,3}){3})\]?/i.exec(text);
  return canonicalIp(match?.[1]);
}

/**
 * The sender's domain as the refusing server names it: Gmail's "Unauthenticated email from
 * example.com is not accepted due to domain's DMARC policy", Microsoft's "sending domain
 * example.com does not pass DMARC verification". Used when no original came back with the bounce.
 */
function domainInReply(text: string): string | null {
  const match = /(?:email from|sending domain|messages? from)\s{1,3}([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10})\b(?!@)/i.exec(
    text.slice(0, MAX_REPLY_TEXT),
  );
  return match ? asciiName(match[1]!.replace(/\.$/, '')) : null;
}

function originalDomains(original: ByteString | null): { from: string | null; mailFrom: string | null } {
  if (original === null) return { from: null, mailFrom: null };
  const parsed = readMessage(original);
  const mailFrom = returnPath(parsed);
  return { from: fromDomainOf(parsed).domain, mailFrom: mailFrom ? addressDomain(mailFrom) : null };
}

function topicOf(meaning: { topic: BounceTopic } | null, status: string | null, text: string): BounceTopic | null {
  if (meaning) return meaning.topic;
  const byStatus = topicOfStatus(status);
  // A generic code (5.7.1, X.0.0) says less than the words: "5.7.1 ... SPF ..." is about SPF.
  if (byStatus !== null && byStatus !== 'policy') return byStatus;
  return topicOfText(text) ?? byStatus;
}

function combine(sources: BounceSources, options: ReadBounceOptions): ReadBounceResult | null {
  const chosen = sources.dsn ? pickRecipient(sources.dsn.recipients) : null;
  const reply = dsnReply(chosen) ?? sources.text?.reply ?? sources.looseReply;
  // A DSN's Status is authoritative, unless it is the generic X.0.0 and the reply is specific.
  const dsnStatus = chosen?.status ?? null;
  const status = dsnStatus && !(dsnStatus.endsWith('.0.0') && reply?.status) ? dsnStatus : (reply?.status ?? dsnStatus);
  const detail = sources.text?.detail ? collapse(utf8Text(sources.text.detail)).slice(0, MAX_REPLY_TEXT) : null;
  if (status === null && reply === null && detail === null) return null;

  const smtpCode = reply?.code ?? null;
  const statusClass = status ? statusClassOf(status) : smtpCode !== null ? Math.floor(smtpCode / 100) : null;
  const action = chosen?.action ?? (statusClass === 5 ? 'failed' : statusClass === 4 ? 'delayed' : statusClass === 2 ? 'delivered' : null);
  const diagnostic = reply ? collapse(utf8Text(replyLine(reply))).slice(0, MAX_REPLY_TEXT) : detail;
  const recipient = cleanHost(chosen?.finalRecipient ?? chosen?.originalRecipient ?? sources.text?.recipient ?? sources.failedRecipients);
  const remoteMta = cleanHost(chosen?.remoteMta ?? sources.text?.remoteMta);
  const recipientDomain = recipient ? addressDomain(recipient) : null;
  const provider = detectProvider(remoteMta, diagnostic, recipientDomain, sources.text?.reporter ?? null);
  const meaning = provider ? providerMeaning(provider, status, diagnostic) : null;
  const topic = topicOf(meaning, status, diagnostic ?? '');

  const fromOriginal = originalDomains(sources.original?.original ?? null);
  const fromDomain = asciiName(options.fromDomain) ?? fromOriginal.from ?? domainInReply(diagnostic ?? '');
  const mailFromDomain = asciiName(options.mailFromDomain) ?? fromOriginal.mailFrom;
  const sendingIp = canonicalIp(options.sendingIp) ?? ipInReply(diagnostic ?? '');
  const others = (sources.dsn?.recipients ?? []).filter((r) => r !== chosen).slice(0, 50);
  const { advice, links } = bounceAdvice({ topic, statusClass, recipientDomain, fromDomain, mailFromDomain, sendingIp });
  const reporter = sources.text?.reporter ?? (sources.dsn ? 'dsn' : sources.lone ? 'smtp-line' : null);
  const explanation = bounceSentence({ action, status, smtpCode, meaning, fromDomain, otherRecipients: others.length, detail });
  return {
    bounce: { status, smtpCode, action, remoteMta, diagnostic, explanation, reporter, recipient, advice, links },
    original: sources.original?.original ?? null,
    originalKind: sources.original?.kind ?? null,
    otherRecipients: others.map((r) => ({ recipient: cleanHost(r.finalRecipient ?? r.originalRecipient), action: r.action, status: r.status })),
    provider,
    notes: sources.notes,
  };
}
