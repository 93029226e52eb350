/**
 * For an IP query: the address's PTR names and whether they resolve back to it (FCrDNS), the
 * check receiving mail servers apply to a connecting client. Same cells as a mail server row.
 */
import type { Address } from '../core/report';
import { AddressCells } from './mail-server-table';

export function ReverseDnsTable({ address }: { address: Address }) {
  return (
    <div class="table-scroll" tabIndex={0}>
      <table>
        <caption>Reverse DNS</caption>
        <thead>
          <tr>
            <th scope="col">Address</th>
            <th scope="col">Reverse DNS (PTR)</th>
            <th scope="col">FCrDNS</th>
            <th scope="col">TTL</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <AddressCells address={address} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
