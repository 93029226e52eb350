/**
 * Pure functions from answers to the report's mail exchanges: the MX records as exchanges in
 * the order senders use them, the null MX, the implicit MX and each exchange's state.
 */
import { displayName } from '../dns/display-name';
import { normaliseName, type DnsRecord } from '../dns/message';
import { parseIp } from '../ip/parse-ip';
import type { Exchange } from '../report';
import type { Query } from '../vocabulary';
import type { AnswerStatus } from '../vocabulary';

type MxRecord = Extract<DnsRecord, { type: 'MX' }>;

/** One exchange per MX record, lowest preference first (RFC 5321 §5.1); ties in a stable order. */
export function exchangesFromMx(records: readonly MxRecord[]): Exchange[] {
  const exchanges = records.map((record): Exchange => {
    const host = normaliseName(record.data.exchange);
    const literal = host !== '' && parseIp(host) !== undefined;
    const resolvable = host !== '' && !literal;
    return {
      host,
      display: host === '' ? '.' : displayName(host),
      preference: record.data.preference,
      ttl: record.ttl,
      implicit: false,
      cname: [],
      state: host === '' ? 'null' : literal ? 'ip-literal' : 'pending',
      addressStatus: resolvable ? { A: 'pending', AAAA: 'pending' } : { A: 'skipped', AAAA: 'skipped' },
      addresses: [],
      errors: [],
    };
  });
  // Ties are load balancing (RFC 5321 §5.1): the host name orders them, so a reordered answer reads the same.
  return exchanges.sort((a, b) => a.preference - b.preference || a.host.localeCompare(b.host));
}

/** RFC 7505 §3: a null MX is a single MX RR with preference 0 and the root as exchange. */
export function isNullMx(exchanges: readonly Exchange[]): boolean {
  return exchanges.length === 1 && exchanges[0]!.state === 'null' && exchanges[0]!.preference === 0;
}

/** RFC 5321 §5.1: with no MX records, the domain itself is the mail host, with preference 0. */
export function implicitExchange(query: Query): Exchange {
  return {
    host: query.name,
    display: query.display,
    preference: 0,
    ttl: 0,
    implicit: true,
    cname: [],
    state: 'pending',
    addressStatus: { A: 'pending', AAAA: 'pending' },
    addresses: [],
    errors: [],
  };
}

export function exchangeState(exchange: Exchange): Exchange['state'] {
  const { A, AAAA } = exchange.addressStatus;
  if (exchange.addresses.length > 0) return 'resolved';
  if (A === 'pending' || AAAA === 'pending') return 'pending';
  if (A === 'nxdomain' || AAAA === 'nxdomain') return 'nxdomain';
  const empty = (s: AnswerStatus) => s === 'nodata' || s === 'ok';
  if (empty(A) && empty(AAAA)) return 'no-address';
  return 'error';
}
