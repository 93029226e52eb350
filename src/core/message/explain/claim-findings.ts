/**
 * Findings of an explained message: where what the receiver said (Authentication-Results,
 * Received-SPF) and what MXray verifies now disagree, what an ARC chain vouches for, and what
 * the route shows. A disagreement is not always an attack: keys are rotated and records change
 * after delivery, so each finding says the likely causes.
 */
import type { Finding } from '../../vocabulary';
import { durationWords } from '../duration-words';
import type { ArcVerification, DkimVerification, DmarcVerification, Hop, ReceiverClaims, SpfVerification } from '../types';

export interface ClaimInputs {
  claims: ReceiverClaims;
  dkim: DkimVerification[];
  spf: SpfVerification | null;
  dmarc: DmarcVerification;
  arc: ArcVerification;
  hops: Hop[];
}

export function claimFindings(inputs: ClaimInputs): Finding[] {
  return [...disagreements(inputs), ...arcFindings(inputs), ...routeFindings(inputs.hops)];
}

function disagreements({ claims, dkim, spf, dmarc }: ClaimInputs): Finding[] {
  const findings: Finding[] = [];
  const said = claims.source ? `The receiver (${claims.source}${claims.authservId ? `, ${claims.authservId}` : ''}) said` : 'The receiver said';
  const dkimNow = dkim.some((signature) => signature.result === 'pass')
    ? 'pass'
    : dkim.some((signature) => signature.result === 'temperror')
      ? 'temperror'
      : dkim.length
        ? 'fail'
        : 'none';
  if (claims.dkim === 'pass' && dkimNow !== 'pass' && dkim.length > 0) {
    findings.push({
      code: 'message-dkim-disagrees',
      severity: 'warn',
      rfc: 'RFC 6376 §6',
      message:
        dkimNow === 'temperror'
          ? `${said} dkim=pass; MXray could not fetch the key now (DNS failed), so it cannot confirm it.`
          : dkim.every((signature) => signature.result === 'neutral' && !signature.bodyChecked)
            ? `${said} dkim=pass; without the body MXray can only check the header signature, so it cannot confirm it.`
            : `${said} dkim=pass; the signature does not verify now: the key was rotated, or the message was changed after delivery.`,
    });
  }
  if ((claims.dkim === 'fail' || claims.dkim === 'permerror') && dkimNow === 'pass') {
    findings.push({
      code: 'message-dkim-disagrees',
      severity: 'info',
      message: `${said} dkim=${claims.dkim}; MXray verifies a signature now: the key may have been published after delivery, or the receiver changed the message before checking it.`,
    });
  }
  if (claims.spf && spf && claims.spf !== spf.result && (claims.spf === 'pass' || spf.result === 'pass')) {
    findings.push({
      code: 'message-spf-disagrees',
      severity: claims.spf === 'pass' ? 'warn' : 'info',
      rfc: 'RFC 7208 §2.6',
      message: `${said} spf=${claims.spf}; checked now for ${spf.ip} and ${spf.domain} it is ${spf.result}: the SPF record changed since delivery, or the receiver saw another address or MAIL FROM.`,
    });
  }
  if (claims.dmarc && (claims.dmarc === 'pass') !== (dmarc.result === 'pass') && dmarc.domain) {
    findings.push({
      code: 'message-dmarc-disagrees',
      severity: claims.dmarc === 'pass' ? 'warn' : 'info',
      rfc: 'RFC 9989',
      message: `${said} dmarc=${claims.dmarc}; MXray finds dmarc=${dmarc.result} now, from the DKIM and SPF results above.`,
    });
  }
  return findings;
}

function arcFindings({ arc, dmarc }: ClaimInputs): Finding[] {
  if (arc.chain === 'none') return [];
  if (arc.chain === 'fail') return [{ code: 'message-arc-fail', severity: 'warn', rfc: 'RFC 8617 §5.2', message: `The ARC chain fails: ${arc.reason}` }];
  const vouched = arc.sets
    .filter((set) => set.claims)
    .map((set) => `${set.sealDomain ?? `instance ${set.instance}`} saw ${describeClaims(set.claims!)}`)
    .join('; ');
  const message =
    dmarc.result === 'pass'
      ? `The ARC chain passes${vouched ? `: ${vouched}` : ''}.`
      : `DMARC fails now, but the ARC chain passes${vouched ? `: ${vouched}` : ''}. Receivers that trust the sealers may deliver it anyway (a mailing list or forwarder changed it).`;
  return [{ code: 'message-arc-pass', severity: 'info', rfc: 'RFC 8617', message }];
}

function describeClaims(claims: ReceiverClaims): string {
  const parts = (['dkim', 'spf', 'dmarc'] as const).filter((method) => claims[method]).map((method) => `${method}=${claims[method]}`);
  return parts.length ? parts.join(', ') : 'no results';
}

function routeFindings(hops: Hop[]): Finding[] {
  const findings: Finding[] = [];
  for (const [index, hop] of hops.entries()) {
    const where = `Hop ${index + 1}${hop.by ? ` (to ${hop.by})` : ''}`;
    const add = (code: string, message: string) => findings.push({ code, severity: 'info', message, ...(hop.by ? { subject: hop.by } : {}) });
    if (hop.flags.includes('slow') && hop.delaySeconds !== null)
      add('message-slow-hop', `${where} took ${durationWords(hop.delaySeconds)}: greylisting, or a queue on the server before it.`);
    if (hop.flags.includes('clock-skew') && hop.delaySeconds !== null)
      add('message-clock-skew', `${where} is stamped ${durationWords(-hop.delaySeconds)} before the hop before it: the two servers' clocks disagree.`);
    if (hop.flags.includes('no-tls'))
      add('message-hop-without-tls', `${where} was not encrypted (no TLS between ${hop.from ?? 'the sender'} and ${hop.by ?? 'the receiver'}).`);
  }
  return findings;
}
