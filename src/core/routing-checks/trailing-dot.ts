/**
 * The classic zone-file mistake: an absolute name written without its final dot is relative, so
 * the server appends the zone's origin (RFC 1035 §5.1). `mx.example.com` in zone `example.com`
 * becomes `mx.example.com.example.com`.
 *
 * Two levels of certainty:
 * - the intended name is inside the queried domain and the origin was appended again
 *   (`mx.example.com.example.com`): nothing else produces that, so it is an error whatever the
 *   name resolves to;
 * - a provider's host with the domain appended (`aspmx.l.google.com.example.com`): only when the
 *   name does not exist and the leading part is itself a host under a real (ICANN) public suffix,
 *   with at least one label below its registrable domain, and that suffix is not a bare
 *   two-letter country code (internal names use `us`, `eu`, `de` as region labels:
 *   `mx1.prod.us.example.com`). `mail.com.example.com` or `smtp.eu.example.com` may be real
 *   internal names, so they are never flagged. The price: a provider under a ccTLD
 *   (`mx.yandex.ru.example.com`) is only reported as NXDOMAIN.
 *
 * The origin is taken to be the queried name or one of its ancestors down to the registrable
 * domain: those are the zones its MX records can be written in. Names such as
 * `mx.example.com.com` (origin `com`) are not guessed at: nobody edits the `com` zone, so that is
 * a typo, and the NXDOMAIN finding covers it.
 */
import { parse } from 'tldts';
import type { Exchange } from '../report';
import type { Finding, Query } from '../vocabulary';
import type { ReportFacts } from './check';
import { mailHosts } from './usability';
import { hostDisplay } from '../wording';

export function checkTrailingDot(report: ReportFacts): Finding[] {
  const zones = possibleOrigins(report.query);
  const home = report.query.registrable ?? report.query.name;
  return mailHosts(report).flatMap((exchange): Finding[] => {
    if (exchange.implicit || exchange.state === 'ip-literal') return [];
    for (const origin of zones) {
      const intended = stripSuffix(exchange.host, origin);
      if (intended === undefined) continue;
      if (intended === home || intended.endsWith(`.${home}`)) return [finding(exchange, intended, origin, 'error')];
      if (exchange.state === 'nxdomain' && looksLikeProviderHost(intended, home)) return [finding(exchange, intended, origin, 'warn')];
    }
    return [];
  });
}

/** The queried name and its ancestors down to the registrable domain, longest first. */
export function possibleOrigins(query: Query): string[] {
  const { name, registrable } = query;
  if (!registrable || (name !== registrable && !name.endsWith(`.${registrable}`))) return [name];
  const labels = name.split('.');
  const depth = registrable.split('.').length;
  const origins: string[] = [];
  for (let i = 0; labels.length - i >= depth; i++) origins.push(labels.slice(i).join('.'));
  return origins;
}

function stripSuffix(host: string, origin: string): string | undefined {
  return host.endsWith(`.${origin}`) ? host.slice(0, -origin.length - 1) : undefined;
}

function looksLikeProviderHost(name: string, home: string): boolean {
  const parsed = parse(name, { allowPrivateDomains: false });
  if (parsed.isIcann !== true || !parsed.domain || parsed.domain === home || !parsed.subdomain) return false;
  return !/^[a-z]{2}$/.test(parsed.publicSuffix ?? '');
}

function finding(exchange: Exchange, intended: string, origin: string, severity: 'error' | 'warn'): Finding {
  const host = hostDisplay(exchange);
  // Same labels in Unicode: the intended name is the leading labels of the display form.
  const meant = host.split('.').slice(0, intended.split('.').length).join('.');
  const message =
    severity === 'error'
      ? `The MX host ${host} is ${meant} with the zone name "${origin}" added again. In the zone file the name ` +
        `was written without its final dot, so it was read as relative to the zone. Write it as "${meant}." ` +
        `(with the trailing dot).`
      : `The MX host ${host} does not exist and looks like ${meant} with "${origin}" appended: in the zone ` +
        `file, ${meant} was probably written without its final dot. If you meant ${meant}, write it as ` +
        `"${meant}." (with the trailing dot).`;
  return { code: 'mx-missing-trailing-dot', severity, message, rfc: 'RFC 1035 §5.1', subject: exchange.host };
}
