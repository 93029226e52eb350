/**
 * Who runs the mail, from the MX host names: each provider with its hosts (MX order), and the
 * hosts no provider in MXray's table claims. Host names are DNS data: text nodes only.
 */
import { PROVIDER_KIND_TEXT } from '../../core/mail/provider/kind-text';
import type { ProviderMatch } from '../../core/mail/provider/types';
import { DnsText } from '../dns-text';
export { default as providerCss } from './provider-section.css';

export function ProviderSectionBody({ matches }: { matches: readonly ProviderMatch[] }) {
  if (matches.length === 0) return null;
  return (
    <dl class="record-list provider-list">
      {matches.map((match) => [
        <dt key={`${match.provider?.id ?? ''}-name`}>
          {match.provider ? (
            <>
              {match.provider.url ? (
                <a href={match.provider.url} target="_blank" rel="noreferrer">
                  {match.provider.name}
                </a>
              ) : (
                match.provider.name
              )}
              <span class="tag">{PROVIDER_KIND_TEXT[match.provider.kind]}</span>
            </>
          ) : (
            <span class="muted">not recognised</span>
          )}
        </dt>,
        <dd key={`${match.provider?.id ?? ''}-hosts`}>
          {match.hosts.map((host) => (
            <code key={host} class="provider-host">
              <DnsText text={host} />
            </code>
          ))}
        </dd>,
      ])}
    </dl>
  );
}
