/**
 * The one line a person reads first: was the message authenticated, and if not, why, in the
 * receiver's terms (DKIM, SPF, DMARC and what the policy makes receivers do); or what the bounce
 * says. Built from the verified results only, never from what the receiver claimed.
 */
import type { ArcVerification, BounceExplanation, DkimVerification, DmarcVerification, MessageExplanation, SpfVerification } from '../types';

export interface VerdictInputs {
  from: string | null;
  dkim: DkimVerification[];
  spf: SpfVerification | null;
  dmarc: DmarcVerification;
  bounce: BounceExplanation | null;
  /** A message with header fields (not a lone SMTP line). */
  isMessage: boolean;
  arc?: ArcVerification;
}

export function verdictOf(inputs: VerdictInputs): Pick<MessageExplanation, 'verdict' | 'verdictKind'> {
  const { dkim, dmarc, bounce } = inputs;
  if (bounce) return { verdictKind: 'bounced', verdict: bounceVerdict(bounce) };
  const from = inputs.from ?? 'the From domain';
  const alignedDkim = dmarc.alignment.dkim;
  if (dmarc.result === 'pass') {
    const how = alignedDkim ? `DKIM by ${alignedDkim} passes and aligns with From` : `SPF passes for ${dmarc.alignment.spf} and aligns with From`;
    return { verdictKind: 'authenticated', verdict: `Authenticated: ${how}; DMARC pass.` };
  }
  // Without a DMARC record, an aligned DKIM pass is still the domain's own signature.
  if (dmarc.result === 'none' && alignedDkim) {
    return { verdictKind: 'authenticated', verdict: `Authenticated: DKIM by ${alignedDkim} passes and aligns with From; ${from} publishes no DMARC policy.` };
  }
  const unchecked = dkim.find((signature) => signature.result === 'neutral' && signature.headerVerified === true && !signature.bodyChecked);
  if (unchecked) {
    return {
      verdictKind: 'unverifiable',
      verdict: `Not fully verified: the header signature of ${unchecked.domain} verifies, but its body hash needs the whole message (only the header was given)${spfClause(inputs.spf, inputs.from, dmarc)}.`,
    };
  }
  const reasons = [dkimClause(dkim, inputs.from, dmarc), spfReason(inputs.spf, inputs.from, dmarc)].filter((text) => text !== '');
  return { verdictKind: 'not-authenticated', verdict: `Not authenticated: ${reasons.join(', and ')}; ${dmarcClause(dmarc, from)}${arcClause(inputs.arc)}.` };
}

/**
 * "Bounced: 5.7.26, Gmail refused it because ...": the code, then the provider's reason when
 * the bounce names one, else the code's meaning. A 4xx is a delay, not a bounce.
 */
function bounceVerdict(bounce: BounceExplanation): string {
  const code = bounce.status ?? (bounce.smtpCode !== null ? String(bounce.smtpCode) : null);
  const delayed = bounce.action === 'delayed' || code?.startsWith('4');
  const lead = delayed ? 'Delayed' : 'Bounced';
  const [first = '', ...rest] = bounce.explanation.split(/(?<=\.)\s+/);
  const provider = rest.find((sentence) => /^\S+.* (refused|deferred) it because /.test(sentence));
  if (provider && code) return `${lead}: ${code}, ${provider}`;
  const meaning = first.replace(/^[A-Z][a-z ,]+? with /, '');
  return meaning === first || !code ? `${lead}: ${bounce.explanation}` : `${lead}: ${meaning}`;
}

/** A forwarder that changed the message may have vouched for it with ARC (RFC 8617). */
function arcClause(arc: ArcVerification | undefined): string {
  if (!arc || arc.chain !== 'pass') return '';
  const sealers = [...new Set(arc.sets.map((set) => set.sealDomain).filter((domain): domain is string => !!domain))];
  const said = arc.sets.find((set) => set.instance === 1)?.claims;
  const saw =
    said && (said.dkim || said.dmarc)
      ? ` that it passed when it arrived (${[said.dkim && `dkim=${said.dkim}`, said.dmarc && `dmarc=${said.dmarc}`].filter(Boolean).join(', ')})`
      : '';
  return `. A forwarder changed it: ${sealers.join(', ') || 'an intermediary'} vouches by ARC${saw}, which receivers that trust it may accept`;
}

function dkimClause(dkim: DkimVerification[], from: string | null, dmarc: DmarcVerification): string {
  if (dkim.length === 0) return 'the message has no DKIM signature';
  const fromName = from ?? 'the From domain';
  // The signature that could have aligned says most: why it failed.
  const own = dkim.find((signature) => signature.result !== 'pass' && signature.domain !== null && sameOrParent(signature.domain, from));
  const passed = dkim.find((signature) => signature.result === 'pass');
  const unaligned = passed
    ? `DKIM passes only for ${passed.domain}, which does not align with ${fromName}${dmarc.modes.dkim === 's' ? ' (strict alignment)' : ''}`
    : '';
  if (own) {
    const what = own.reason.replace(/\.$/, '');
    const failure = own.result === 'fail' ? what : `DKIM ${own.result} for ${own.domain}: ${what}`;
    return unaligned ? `${failure}; ${unaligned}` : failure;
  }
  if (unaligned) return unaligned;
  const first = dkim[0]!;
  return first.result === 'fail'
    ? first.reason.replace(/\.$/, '')
    : `DKIM ${first.result} for ${first.domain ?? 'a signature'}: ${first.reason.replace(/\.$/, '')}`;
}

function spfReason(spf: SpfVerification | null, from: string | null, dmarc: DmarcVerification): string {
  if (!spf) return '';
  switch (spf.result) {
    case 'pass':
      return `SPF passes for ${spf.domain}, which does not align with ${from ?? 'the From domain'}${dmarc.modes.spf === 's' ? ' (strict alignment)' : ''}`;
    case 'fail':
    case 'softfail':
      return `${spf.ip} is not in ${spf.domain}'s SPF`;
    case 'neutral':
      return `${spf.domain}'s SPF says nothing about ${spf.ip}`;
    case 'none':
      return `${spf.domain} has no SPF record`;
    default:
      return `SPF for ${spf.domain} could not be evaluated (${spf.result})`;
  }
}

function spfClause(spf: SpfVerification | null, from: string | null, dmarc: DmarcVerification): string {
  const reason = spfReason(spf, from, dmarc);
  return reason ? `; ${reason}` : '';
}

function dmarcClause(dmarc: DmarcVerification, from: string): string {
  switch (dmarc.result) {
    case 'none':
      return `${from} publishes no DMARC policy, so receivers judge it on other signals`;
    case 'temperror':
      return `DMARC could not be checked (DNS failed), so receivers would defer it`;
    case 'permerror':
      return `DMARC permerror: ${dmarc.receiverAction.replace(/\.$/, '')}`;
    default: {
      const consequence =
        dmarc.policy === 'reject'
          ? 'so most receivers refuse it'
          : dmarc.policy === 'quarantine'
            ? 'so most receivers put it in spam'
            : 'so receivers decide on other signals';
      // np= applies to a From domain that does not exist (RFC 9989 §4.7): say why that policy.
      const tag = dmarc.policyTag === 'np' ? ` (np=: ${from} does not exist)` : dmarc.policyTag === 'sp' ? ` (sp= of ${dmarc.recordDomain})` : '';
      return `DMARC fail, policy ${dmarc.policy ?? 'none'}${tag}, ${consequence}`;
    }
  }
}

/** `domain` is the From domain or a parent of it (the usual aligned signer). */
function sameOrParent(domain: string, from: string | null): boolean {
  return from !== null && (from === domain || from.endsWith(`.${domain}`));
}
