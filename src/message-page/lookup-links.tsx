/**
 * Links that open MXray's full report (the result page, `popup.html?q=`) of a domain: the bounce's
 * lookups and every domain involved. For an SPF link with the sending IP, the report is where
 * "Test a sending server" runs (in its SPF section); the IP is said beside the link. A domain is
 * linked only when it is a plain ASCII host name; the URL is ours, the domain percent-encoded in it.
 */
import type { LookupLink } from '../core/message/types';
import { DnsText } from '../ui/dns-text';
import { isLinkableDomain } from './words';

export function LookupLinkList({ links, reportUrl, label }: { links: readonly LookupLink[]; reportUrl: (query: string) => string; label: string }) {
  return (
    <ul class="lookup-links" aria-label={label}>
      {links.map((link, index) => (
        <li key={`${link.kind}:${link.domain}:${link.ip ?? ''}:${index}`}>
          {isLinkableDomain(link.domain) ? (
            <a href={reportUrl(link.domain)} target="_blank" rel="noreferrer">
              <DnsText text={link.label} />
            </a>
          ) : (
            <DnsText text={link.label} />
          )}
          {link.kind === 'spf' && link.ip && (
            <span class="muted">
              {' '}
              (in its SPF section, “Test a sending server” with <DnsText class="mono" text={link.ip} />)
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
