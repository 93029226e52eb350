/**
 * `mxray --message` without --json: the verdict, the route, authentication (verified by MXray
 * beside what the receiver said), the bounce, findings and the domains to look up. Everything
 * from the message is hostile text and goes through `terminalSafe`; times are shown in the
 * local time zone (TZ), with the offset.
 */
import { durationWords } from '../../core/message/duration-words';
import type { MessageExplanation } from '../../core/message/types';
import { terminalSafe } from '../terminal-safe';
import { textTable } from '../text-table';

export interface MessageFormatOptions {
  color: boolean;
  timeZone?: string | undefined;
}

const KIND_COLOR: Record<MessageExplanation['verdictKind'], string> = { authenticated: '32', 'not-authenticated': '31', bounced: '31', unverifiable: '33' };
const SEVERITY_COLOR = { error: '31', warn: '33', info: '36', ok: '32' } as const;

export function formatMessage(explanation: MessageExplanation, options: MessageFormatOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const safe = (text: string | null | undefined) => terminalSafe(text ?? '-');
  const lines: string[] = [paint(`1;${KIND_COLOR[explanation.verdictKind]}`, safe(explanation.verdict))];
  const about = [
    explanation.from ? `From ${safe(explanation.from)}` : null,
    explanation.subject !== null ? `Subject "${safe(explanation.subject)}"` : null,
  ].filter(Boolean);
  if (about.length) lines.push(paint('2', about.join(' · ')));

  if (explanation.hops.length > 0) {
    lines.push(
      '',
      paint(
        '1',
        `Route (${explanation.hops.length} hop${explanation.hops.length === 1 ? '' : 's'}${explanation.totalSeconds !== null ? `, ${durationWords(explanation.totalSeconds)} in all` : ''})`,
      ),
    );
    const rows = explanation.hops.map((hop, index) => [
      String(index + 1),
      safe(hop.from),
      safe(hop.by),
      safe(hop.ip),
      safe(hop.with),
      hop.tls === null ? '?' : hop.tls ? 'yes' : 'NO',
      hop.at ? localTime(hop.at, options.timeZone) : '-',
      hop.delaySeconds === null ? '' : durationWords(hop.delaySeconds),
      hop.flags.join(' '),
    ]);
    lines.push(...textTable(['#', 'FROM', 'BY', 'IP', 'WITH', 'TLS', 'TIME', 'DELAY', 'FLAGS'], rows));
  }

  lines.push('', paint('1', 'Authentication (verified by MXray · the receiver said)'));
  const said = explanation.receiverSaid;
  const authRows: string[][] = [];
  for (const signature of explanation.dkim) {
    authRows.push([
      'DKIM',
      `${signature.result}${signature.bodyChecked ? '' : ' (body not checked)'}`,
      safe(said.dkim),
      `d=${safe(signature.domain)} s=${safe(signature.selector)} ${safe(signature.algorithm)}: ${safe(signature.reason)}`,
    ]);
  }
  if (explanation.dkim.length === 0) authRows.push(['DKIM', 'none', safe(said.dkim), 'no DKIM-Signature']);
  const spf = explanation.spf;
  authRows.push(
    spf
      ? [
          'SPF',
          spf.result,
          safe(said.spf),
          `${safe(spf.ip)} (from ${safe(spf.ipSource)}), MAIL FROM ${spf.mailFrom === '' ? '<>' : safe(spf.mailFrom)}${spf.helo ? `, HELO ${safe(spf.helo)}` : ''}`,
        ]
      : ['SPF', '-', safe(said.spf), safe(explanation.spfMissing)],
  );
  const dmarc = explanation.dmarc;
  const aligned = [dmarc.alignment.dkim ? `DKIM ${dmarc.alignment.dkim}` : null, dmarc.alignment.spf ? `SPF ${dmarc.alignment.spf}` : null]
    .filter(Boolean)
    .join(', ');
  authRows.push([
    'DMARC',
    dmarc.result,
    safe(said.dmarc),
    `${safe(dmarc.domain)}${dmarc.policy ? `, policy ${dmarc.policy} (${dmarc.policyTag}= of ${safe(dmarc.recordDomain)})` : ''}${aligned ? `, aligned: ${safe(aligned)}` : ''}`,
  ]);
  if (explanation.arc.chain !== 'none' || explanation.arc.sets.length > 0) {
    authRows.push(['ARC', explanation.arc.chain, '', safe(explanation.arc.reason)]);
    for (const set of explanation.arc.sets)
      authRows.push([`  i=${set.instance}`, `seal ${set.sealResult}`, `cv=${safe(set.cv)}`, `${safe(set.sealDomain)}: ${safe(set.reason)}`]);
  }
  lines.push(...textTable(['', 'MXRAY', 'RECEIVER', 'DETAIL'], authRows));
  if (said.source) lines.push(paint('2', `The receiver's claims are from ${safe(said.source)}${said.authservId ? ` (${safe(said.authservId)})` : ''}.`));

  const bounce = explanation.bounce;
  if (bounce) {
    lines.push(
      '',
      paint('1', `Bounce${bounce.status ? ` ${safe(bounce.status)}` : ''}${bounce.action ? ` (${safe(bounce.action)})` : ''}`),
      safe(bounce.explanation),
    );
    if (bounce.remoteMta) lines.push(`Remote server  ${safe(bounce.remoteMta)}`);
    if (bounce.recipient) lines.push(`Recipient      ${safe(bounce.recipient)}`);
    if (bounce.diagnostic) lines.push(`Diagnostic     ${safe(bounce.diagnostic)}`);
    for (const advice of bounce.advice) lines.push(`- ${safe(advice)}`);
  }
  if (explanation.findings.length > 0) {
    lines.push('', paint('1', 'Findings'));
    for (const finding of explanation.findings)
      lines.push(`${paint(SEVERITY_COLOR[finding.severity], finding.severity.toUpperCase().padEnd(5))} ${safe(finding.message)}`);
  }
  if (explanation.links.length > 0) {
    lines.push('', paint('1', 'Look up'));
    for (const link of explanation.links) lines.push(`  ${lookupCommand(link)}   ${paint('2', safe(link.label))}`);
  }
  if (explanation.notes.length > 0) lines.push('', ...explanation.notes.map((note) => paint('2', `Note: ${safe(note)}`)));
  lines.push('', paint('2', 'The message stayed on this machine; only DNS questions went to the resolver.'));
  return lines.join('\n');
}

/** The mxray command that runs a link's lookup. */
function lookupCommand(link: MessageExplanation['links'][number]): string {
  const domain = terminalSafe(link.domain);
  if (link.kind === 'spf' && link.ip) return `mxray --spf-ip ${terminalSafe(link.ip)} -- ${domain}`;
  return link.kind === 'mx' ? `mxray ${domain}` : `mxray --all ${domain}`;
}

function localTime(iso: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  try {
    return date.toLocaleString('sv-SE', { timeZone: timeZone || undefined, timeZoneName: 'short' });
  } catch {
    return date.toISOString();
  }
}
