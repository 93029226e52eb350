/**
 * Which of the tab's two names to show first. On www.github.com people usually mean "where does
 * GitHub's mail go", but a host with MX records of its own is a mail domain in its own right.
 * So: the host if it has mail servers; else the registrable domain if it has; else the host
 * (whose report then explains why there is no mail). An implicit MX (RFC 5321 §5.1: no MX, so
 * the name's web address takes mail) does not count: nearly every web host has an address.
 * A null MX (RFC 7505) does not count either: it says the host takes no mail, and the person
 * most likely wants the domain's mail.
 */
import type { Report } from '../core/report';

export type Lead = 'host' | 'registrable';

export function hasMailServers(report: Report): boolean {
  return report.mxStatus === 'ok' && !report.nullMx && report.exchanges.length > 0;
}

/**
 * `undefined` while the answers needed to decide have not arrived yet. `hostNamed`: the host's
 * report comes from the worker, whose parse names the registrable domain (the page's own first
 * report cannot: src/shared/messages.ts, `pageOnly`), so `hasRegistrable` is known.
 */
export function chooseLead(host: Report | undefined, registrable: Report | undefined, hasRegistrable: boolean, hostNamed = true): Lead | undefined {
  if (!host || host.mxStatus === 'pending') return undefined;
  if (hasMailServers(host)) return 'host';
  if (!hostNamed) return undefined;
  if (!hasRegistrable) return 'host';
  if (!registrable || registrable.mxStatus === 'pending') return undefined;
  return hasMailServers(registrable) ? 'registrable' : 'host';
}

/** The registrable domain the host's report names, when it is another name than the host. */
export function registrableOf(report: Report | undefined): string | undefined {
  if (!report || report.query.kind === 'ip') return undefined;
  const { registrable, name } = report.query;
  return registrable && registrable !== name ? registrable : undefined;
}
