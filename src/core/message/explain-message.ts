/**
 * explainMessage(): the answer to "why?" for a pasted message, a header block, a bounce or a
 * lone SMTP error line (issue #22). Reads the message (parse/), its route (route/), what the
 * receiver claimed (claims/), verifies every DKIM signature and the ARC chain (dkim/, arc/), runs
 * SPF check_host() for the connecting address and DMARC for the From domain (explain/, dmarc/),
 * reads a bounce (bounce/), then says it in one line (explain/verdict.ts).
 *
 * Round trips: every DNS question this needs is known once the header is read (DKIM keys, the
 * SPF record, the `_dmarc` tree walks, the From domain's existence), so all are asked at once;
 * only SPF's include chain and DMARC's wait on alignment go further.
 */
import type { DnsAsk } from '../mail/dns-ask';
import { verifyArc } from './arc/verify-arc';
import { readBounce } from './bounce/read-bounce';
import { claimFindings } from './explain/claim-findings';
import { arcAuthResults, receiverClaims } from './claims/receiver-claims';
import { readSignatureTags } from './dkim/signature-tags';
import { verifyDkimSignatures } from './dkim/verify-dkim';
import { DmarcEvaluation, noDmarc } from './dmarc/evaluate-dmarc';
import { messageLinks } from './explain/message-links';
import { recipientDomain } from './explain/recipient';
import { spfForMessage } from './explain/spf-for-message';
import { verdictOf } from './explain/verdict';
import { addressDomain, fromDomain, returnPath, subjectText } from './parse/addresses';
import { readMessage } from './parse/read-message';
import { connectingIp } from './route/connecting-ip';
import { buildHops } from './route/hops';
import type { ArcVerification, ByteString, MessageExplanation, ParsedMessage, ReceiverClaims } from './types';

export interface ExplainContext {
  /** DNS, through the user's resolver (DKIM keys, SPF, DMARC). */
  ask: DnsAsk;
  /** Milliseconds clock (x= expiry, SPF's t macro). */
  now: () => number;
  signal?: AbortSignal;
  /** The input's real size in bytes when only its first part was read (a file over the limit). */
  size?: number;
}

/** Nothing in the input looks like a message, a header block or a bounce: the shells say so (CLI exit 2). */
export class NotAMessage extends Error {}

/** Header fields that only a mail message (or its header block) has. */
const MESSAGE_FIELDS = new Set([
  'from',
  'received',
  'dkim-signature',
  'authentication-results',
  'return-path',
  'message-id',
  'date',
  'subject',
  'to',
  'arc-seal',
  'received-spf',
  'delivered-to',
]);

export async function explainMessage(input: ByteString, given: ExplainContext): Promise<MessageExplanation> {
  const context = { ...given, ask: askUnlessAborted(given.ask, given.signal) };
  const message = readMessage(input, context.size !== undefined ? { size: context.size } : {});
  const isMessage = message.headers.some((field) => MESSAGE_FIELDS.has(field.key));
  const bounceRead = readBounceWithOriginal(input, isMessage ? message : null);
  if (!isMessage && !bounceRead.bounce) {
    throw new NotAMessage(
      input.trim() === ''
        ? 'There is nothing to explain: paste a message, its header, or a bounce.'
        : 'This does not look like a message, a header block or a bounce: no From, Received or DKIM-Signature header field and no SMTP status code was found.',
    );
  }
  return isMessage ? explainParsed(message, bounceRead.bounce, context) : explainLoneBounce(message, bounceRead.bounce!);
}

/**
 * The bounce, read twice when it returns the original: the original's From and MAIL FROM
 * domains and the address it was sent from name the links (its DMARC, its SPF for that address).
 */
function readBounceWithOriginal(input: ByteString, message: ParsedMessage | null): ReturnType<typeof readBounce> {
  const first = readBounce(input, message);
  if (!first.bounce || first.original === null) return first;
  const original = readMessage(first.original);
  const mailFrom = returnPath(original);
  const sender = connectingIp(original, buildHops(original).hops);
  return readBounce(input, message, {
    fromDomain: fromDomain(original).domain,
    mailFromDomain: mailFrom ? addressDomain(mailFrom) : null,
    sendingIp: sender?.ip ?? null,
  });
}

async function explainParsed(message: ParsedMessage, bounce: MessageExplanation['bounce'], context: ExplainContext): Promise<MessageExplanation> {
  const { ask, now } = context;
  const route = buildHops(message);
  const claims = receiverClaims(message);
  const from = fromDomain(message);
  const connecting = connectingIp(message, route.hops);
  const mailFrom = returnPath(message);

  // Start every DMARC walk now, beside the key and SPF questions: the From domain's, and those of
  // each signer and the MAIL FROM domain (for their Organizational Domains).
  const signers = message.headers.filter((field) => field.key === 'dkim-signature').map((field) => readSignatureTags(field.value).tags.domain);
  const mailFromDomain = mailFrom ? addressDomain(mailFrom) : null;
  const candidates = [...signers, mailFromDomain ?? connecting?.helo ?? null].filter((domain): domain is string => !!domain && domain !== from.domain);
  const dmarcEvaluation = new DmarcEvaluation(ask, from.domain, [...new Set(candidates)]);

  const [dkim, arc, spfOutcome] = await Promise.all([
    verifyDkimSignatures(message, ask, { now }),
    verifyArc(message, ask, { now }),
    spfForMessage(message, connecting, claims, ask, now),
  ]);
  const arcClaims = arcAuthResults(message);
  for (const set of arc.sets) set.claims = arcClaims.get(set.instance) ?? null;

  const spf = spfOutcome.spf;
  const dmarc = await dmarcEvaluation.evaluate({
    fromDomain: from.domain,
    fromProblem: from.problem,
    dkimPassed: dkim.filter((signature) => signature.result === 'pass' && signature.domain).map((signature) => signature.domain!),
    spfPassed: spf?.result === 'pass' ? spf.domain : null,
  });
  const findings = claimFindings({ claims, dkim, spf, dmarc, arc, hops: route.hops });
  if (from.problem) findings.unshift({ code: 'message-from-problem', severity: 'warn', rfc: 'RFC 7489 §6.6.1', message: from.problem });
  const { verdict, verdictKind } = verdictOf({ from: from.domain, dkim, spf, dmarc, bounce: isFailure(bounce) ? bounce : null, isMessage: true, arc });
  return {
    verdict,
    verdictKind,
    from: from.domain,
    subject: subjectText(message),
    hops: route.hops,
    totalSeconds: route.totalSeconds,
    dkim,
    spf,
    spfMissing: spfOutcome.missing,
    dmarc,
    arc,
    receiverSaid: claims,
    bounce,
    findings,
    links: messageLinks({ from: from.domain, dkim, spf, recipient: recipientDomain(message), bounce }),
    notes: [...message.notes, ...route.notes],
    bodyGiven: message.body !== null && !message.bodyTruncated,
    size: message.size,
  };
}

/** A lone SMTP error line or a pasted bounce text: no header to verify, only the bounce to explain. */
function explainLoneBounce(message: ParsedMessage, bounce: NonNullable<MessageExplanation['bounce']>): MessageExplanation {
  const { verdict, verdictKind } = verdictOf({ from: null, dkim: [], spf: null, dmarc: NO_DMARC, bounce, isMessage: false });
  return {
    verdict,
    verdictKind,
    from: null,
    subject: null,
    hops: [],
    totalSeconds: null,
    dkim: [],
    spf: null,
    spfMissing: 'Only an error text was given: there is no message to check SPF for.',
    dmarc: NO_DMARC,
    arc: NO_ARC,
    receiverSaid: NO_CLAIMS,
    bounce,
    findings: [],
    links: messageLinks({ from: null, dkim: [], spf: null, recipient: null, bounce }),
    notes: message.notes.filter((note) => !note.startsWith('Only the header')),
    bodyGiven: false,
    size: message.size,
  };
}

/** Once the caller gives up (the page explains another message), no new question leaves. */
function askUnlessAborted(ask: DnsAsk, signal: AbortSignal | undefined): DnsAsk {
  if (!signal) return ask;
  return (name, type, after) =>
    signal.aborted ? Promise.resolve({ name, type, status: 'skipped', values: [], authenticated: false, depth: after?.depth ?? 0 }) : ask(name, type, after);
}

/** A DSN that reports delivery (Action: delivered, relayed, expanded) is news, not a bounce. */
function isFailure(bounce: MessageExplanation['bounce']): boolean {
  return bounce !== null && bounce.action !== 'delivered' && bounce.action !== 'relayed' && bounce.action !== 'expanded';
}

const NO_DMARC = noDmarc(null, 'Only an error text was given: there is no From domain to check.');
const NO_ARC: ArcVerification = { chain: 'none', sets: [], reason: 'No ARC header fields.' };
const NO_CLAIMS: ReceiverClaims = { dkim: null, spf: null, dmarc: null, authservId: null, source: null, properties: {} };
