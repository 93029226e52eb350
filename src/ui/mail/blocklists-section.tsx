/**
 * The blocklist answers as one compact table: a row per list, a column per mail server address,
 * each cell a word for how that list answered (listed, not listed, refused, …). Lists with a
 * listing come first. Addresses, hosts and codes are DNS data: text nodes and attributes only.
 */
import { blocklistUrl } from '../../core/mail/blocklists/blocklist-table';
import { blocklistStateText } from '../../core/mail/blocklists/state-text';
import type { BlocklistInfo, BlocklistResult, BlocklistSection, BlocklistTarget } from '../../core/mail/blocklists/types';
export { default as blocklistsCss } from './blocklists-section.css';

function cellTitle(result: BlocklistResult): string | undefined {
  if (result.codes.length > 0) return result.codes.map((code, i) => `${code}: ${result.meanings[i] ?? ''}`).join('\n');
  if (result.state === 'error') return result.error?.message;
  return undefined;
}

function Cell({ result, list, ip }: { result: BlocklistResult | undefined; list: BlocklistInfo; ip: string }) {
  if (!result) return <td class="bl-state bl-pending">…</td>;
  const listed = result.state === 'listed';
  const text = blocklistStateText(result);
  return (
    <td class={`bl-state bl-${result.state}${listed ? ` bl-${result.severity ?? 'warn'}` : ''}`} title={cellTitle(result)}>
      {listed ? (
        <a href={blocklistUrl(list.url, ip)} target="_blank" rel="noreferrer">
          {text}
        </a>
      ) : (
        text
      )}
    </td>
  );
}

const resultOf = (target: BlocklistTarget, list: BlocklistInfo) => target.results.find((result) => result.list === list.id);

export function BlocklistsSectionBody({ section }: { section: BlocklistSection }) {
  const { targets } = section;
  if (targets.length === 0)
    return <p class="muted">{section.status === 'pending' ? 'Waiting for the mail server addresses…' : 'No mail server addresses to check.'}</p>;
  const listed = (list: BlocklistInfo) => targets.some((target) => resultOf(target, list)?.state === 'listed');
  // Stable sort: listed lists first, the others in table order.
  const rows = [...section.lists].sort((a, b) => Number(listed(b)) - Number(listed(a)));
  const ipv4Only = targets.some((target) => target.results.some((result) => result.notChecked === 'ipv4-only-list'));
  return (
    <>
      <table class="blocklist-table">
        <caption>Blocklists (DNSBL)</caption>
        <thead>
          <tr>
            <th scope="col">List</th>
            {targets.map((target) => (
              <th scope="col" key={target.ip}>
                <span class="ip">{target.ip}</span>
                <span class="note">{target.hosts.join(', ')}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((list) => (
            <tr key={list.id} class={listed(list) ? 'bl-row-listed' : undefined}>
              <th scope="row">
                <a href={list.url.replace('{ip}', '')} target="_blank" rel="noreferrer">
                  {list.name}
                </a>
                <span class="note">{list.zone}</span>
              </th>
              {targets.map((target) => (
                <Cell key={target.ip} result={resultOf(target, list)} list={list} ip={target.ip} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {ipv4Only && <p class="note">IPv4 only: the list has no entries for IPv6 addresses, so it was not asked (RFC 5782 §2.4).</p>}
      {section.omitted.length > 0 && <p class="note">Not checked (too many addresses): {section.omitted.join(', ')}</p>}
    </>
  );
}
