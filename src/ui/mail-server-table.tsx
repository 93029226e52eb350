/**
 * The mail servers as a table: one tbody per preference (RFC 5321 §5.1: equal preferences are
 * load balanced, so they share a group and say so), one row per address, and one row saying why
 * for a server without address. Names, PTRs and addresses are DNS data: text nodes only.
 */
import type { VNode } from 'preact';
import type { Address, Exchange } from '../core/report';
import { fcrdnsText, ptrStatusText, ttlText, unresolvedText } from './format/cells';
import { groupByPreference, type PreferenceGroup } from './format/preference-groups';
import { NetworkCell } from './network-cell';
import { DnsText } from './dns-text';

export function MailServerTable({ exchanges }: { exchanges: readonly Exchange[] }) {
  // The Network column (issue #17) only when the network lookups ran.
  const network = exchanges.some((exchange) => exchange.addresses.some((address) => address.asn));
  return (
    // Focusable so keyboard users can scroll it sideways in a narrow popup.
    <div class="table-scroll" tabIndex={0}>
      <table>
        <caption>Mail servers</caption>
        <thead>
          <tr>
            <th scope="col">Preference</th>
            <th scope="col">Mail server</th>
            <th scope="col">Address</th>
            {network && <th scope="col">Network</th>}
            <th scope="col">Reverse DNS (PTR)</th>
            <th scope="col">FCrDNS</th>
            <th scope="col">TTL</th>
          </tr>
        </thead>
        {groupByPreference(exchanges).map((group, index) => (
          <GroupBody key={`${group.preference}-${index}`} group={group} network={network} />
        ))}
      </table>
    </div>
  );
}

function rowCount(exchange: Exchange): number {
  return Math.max(1, exchange.addresses.length);
}

function GroupBody({ group, network }: { group: PreferenceGroup; network: boolean }) {
  const total = group.exchanges.reduce((sum, exchange) => sum + rowCount(exchange), 0);
  const preferenceCell = (
    <th scope="rowgroup" rowSpan={total} class="preference">
      {group.preference}
      {group.loadBalanced && <span class="tag">load balanced</span>}
    </th>
  );
  return (
    <tbody class={group.loadBalanced ? 'load-balanced' : undefined}>
      {group.exchanges.flatMap((exchange, exchangeIndex) => exchangeRows(exchange, exchangeIndex === 0 ? preferenceCell : undefined, exchangeIndex, network))}
    </tbody>
  );
}

function exchangeRows(exchange: Exchange, preferenceCell: VNode | undefined, exchangeIndex: number, network: boolean) {
  const hostCell = <HostCell exchange={exchange} rows={rowCount(exchange)} />;
  if (exchange.addresses.length === 0) {
    return [
      <tr key={`${exchangeIndex}`} class={`state-${exchange.state}`}>
        {preferenceCell}
        {hostCell}
        <td colSpan={network ? 4 : 3} class="why">
          {unresolvedText(exchange)}
        </td>
        <td class="ttl">{ttlText(exchange.ttl)}</td>
      </tr>,
    ];
  }
  return exchange.addresses.map((address, index) => (
    <tr key={`${exchangeIndex}-${address.ip}`}>
      {index === 0 && preferenceCell}
      {index === 0 && hostCell}
      <AddressCells address={address} network={network} />
    </tr>
  ));
}

function HostCell({ exchange, rows }: { exchange: Exchange; rows: number }) {
  const shown = exchange.display || '.';
  return (
    <th scope="row" rowSpan={rows} class="host">
      <DnsText class="name" text={shown} />
      {shown !== exchange.host && exchange.host !== '' && <DnsText class="note ascii" text={exchange.host} />}
      {exchange.implicit && <span class="tag">implicit MX</span>}
      {exchange.cname.length > 0 && (
        <span class="note">
          alias of <DnsText text={exchange.cname.at(-1)!} />
        </span>
      )}
    </th>
  );
}

/** Address, PTR, FCrDNS and TTL cells of one address row (shared with the reverse DNS table). */
export function AddressCells({ address, network = false }: { address: Address; network?: boolean }) {
  const ptrStatus = ptrStatusText(address);
  return (
    <>
      <td class="address">
        <span class="ip">{address.ip}</span>
        {/* Documentation addresses are examples and test data: one finding says so; a tag on every row would be noise. */}
        {address.range && address.range !== 'documentation' && <span class="tag">{address.range}</span>}
      </td>
      {network && <NetworkCell address={address} />}
      <td class="ptr">{ptrStatus ?? address.ptr.map((ptr) => <DnsText key={ptr.name} class="ptr-name" text={ptr.name} />)}</td>
      <td class={`fcrdns fcrdns-${address.fcrdns}`}>{fcrdnsText(address.fcrdns)}</td>
      <td class="ttl">{ttlText(address.ttl)}</td>
    </>
  );
}
