/**
 * The network of one address in the mail server table: AS number and handle, then the announced
 * prefix and the registry country; the AS's full name as the cell's title. DNS data: text only.
 */
import type { Address } from '../core/report';
import { asLabel, networkText } from '../core/resilience/network-text';

export function NetworkCell({ address }: { address: Address }) {
  const asn = address.asn;
  if (!asn || asn.status !== 'ok') return <td class="network muted">{networkText(asn)}</td>;
  return (
    <td class="network" title={asn.name}>
      <span class="as">{asLabel(asn)}</span>
      {(asn.prefix || asn.country) && <span class="note">{[asn.prefix, asn.country].filter(Boolean).join(' · ')}</span>}
    </td>
  );
}
