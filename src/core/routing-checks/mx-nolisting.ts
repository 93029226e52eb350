/**
 * "Nolisting": the first MX (lowest preference number) deliberately cannot be reached, so that
 * spam software that tries only the first host gives up, while real mail servers move on to the
 * next MX (RFC 5321 §5.1 tells them to). From DNS alone it looks exactly like a primary that
 * broke, so the finding says both and how to tell them apart; it replaces the generic
 * "host does not exist" / "has no address" findings for that host (mx-nxdomain.ts,
 * mx-no-address.ts skip it), so the same host is not explained twice in two ways.
 */
import type { Exchange } from '../report';
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { checkTrailingDot } from './trailing-dot';
import { exchangeUsability, mailHosts } from './usability';
import { hostDisplay, listOf } from '../wording';

/**
 * The primaries that look like nolisting: every host at the lowest preference has no address
 * (NODATA) or does not exist (NXDOMAIN), and a host with a higher number has an address. Empty
 * otherwise, and while that is not yet known.
 */
export function nolistingPrimaries(report: ReportFacts): Exchange[] {
  const shape = nolistingShape(report);
  if (!shape || shape.primaries.some((exchange) => exchange.state === 'pending')) return [];
  return shape.backups.some((exchange) => exchangeUsability(report, exchange) === 'usable') ? shape.primaries : [];
}

/**
 * The MX set has nolisting's shape so far: every lowest-preference host has no address, does not
 * exist, or is still pending. `undefined` when it cannot be nolisting whatever lands next.
 */
function nolistingShape(report: ReportFacts): { primaries: Exchange[]; backups: Exchange[] } | undefined {
  if (report.query.kind === 'ip' || report.mxStatus !== 'ok' || report.nullMx) return undefined;
  const hosts = mailHosts(report).filter((exchange) => !exchange.implicit);
  if (hosts.length < 2) return undefined;
  const lowest = Math.min(...hosts.map((exchange) => exchange.preference));
  const primaries = hosts.filter((exchange) => exchange.preference === lowest);
  const backups = hosts.filter((exchange) => exchange.preference > lowest);
  if (backups.length === 0 || !primaries.every((exchange) => ['no-address', 'nxdomain', 'pending'].includes(exchange.state))) return undefined;
  // A name that is a single label, or the missing-trailing-dot mistake, is explained by its own finding.
  if (primaries.some((exchange) => !exchange.host.includes('.'))) return undefined;
  const misspelt = new Set(checkTrailingDot(report).map((finding) => finding.subject));
  if (primaries.some((exchange) => misspelt.has(exchange.host))) return undefined;
  return { primaries, backups };
}

/**
 * For mx-nxdomain.ts and mx-no-address.ts: this host gets the nolisting finding instead, or may
 * once the pending answers land (so they wait: a finding said early must still hold at the end).
 */
export function isNolistingPrimary(report: ReportFacts, exchange: Exchange): boolean {
  const shape = nolistingShape(report);
  if (!shape?.primaries.some((primary) => primary.host === exchange.host)) return false;
  if (nolistingPrimaries(report).length > 0) return true;
  const states = shape.backups.map((backup) => exchangeUsability(report, backup));
  return shape.primaries.some((primary) => primary.state === 'pending') || states.includes('pending');
}

export function checkNolisting(report: ReportFacts): Finding[] {
  const primaries = nolistingPrimaries(report);
  if (primaries.length === 0) return [];
  const hosts = mailHosts(report).filter((exchange) => !exchange.implicit);
  const next = hosts.find((exchange) => exchange.preference > primaries[0]!.preference && exchangeUsability(report, exchange) === 'usable')!;
  const names = listOf(primaries.map(hostDisplay));
  const one = primaries.length === 1;
  const what = primaries.every((exchange) => exchange.state === 'nxdomain')
    ? `${one ? 'does' : 'do'} not exist (NXDOMAIN)`
    : primaries.every((exchange) => exchange.state === 'no-address')
      ? `${one ? 'has' : 'have'} no IPv4 or IPv6 address`
      : 'cannot be resolved to an address';
  return [
    {
      code: 'mx-nolisting',
      severity: 'warn',
      message:
        `The first MX, ${names} (preference ${primaries[0]!.preference}), ${what}, while ${hostDisplay(next)} (${next.preference}) answers. ` +
        `This looks like nolisting or like a broken primary. Nolisting is deliberate: spam software that tries only the first MX gives up, ` +
        `while real mail servers move on to the next one (RFC 5321 §5.1), so mail still arrives; but every delivery starts with a failure, ` +
        `some large senders treat it as a temporary error and retry later, so mail can be delayed. ` +
        `To tell them apart: nolisting is a choice the mail admins made and can confirm, and it is usually set up on purpose with a name ` +
        `that is kept; a primary that used to have an address (look at the zone's history, or ask who runs it) or whose name is misspelt ` +
        `is broken. If it is not deliberate, give ${names} ${one ? 'its' : 'their'} A/AAAA record${one ? '' : 's'} back or remove ${one ? 'its MX record' : 'those MX records'}.`,
      rfc: 'RFC 5321 §5.1',
      subject: primaries[0]!.host,
    },
  ];
}
