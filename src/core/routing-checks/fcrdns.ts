/**
 * Forward-confirmed reverse DNS (the "iprev" check of RFC 8601 §3): the PTR name of an address
 * must resolve back to that address. Receivers that check it treat a failure like having no
 * PTR at all, which hurts mail this server sends.
 */
import type { AnswerStatus, Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { addressOwners, describeOwned } from './address-owners';
import { reachableFor } from './ranges';
import { listOf } from '../wording';

const ANSWERED: ReadonlySet<AnswerStatus> = new Set(['ok', 'nodata', 'nxdomain']);

export function checkFcrdns(report: ReportFacts): Finding[] {
  const reachable = reachableFor(report);
  return addressOwners(report).flatMap((owned): Finding[] => {
    const { address } = owned;
    if (address.fcrdns !== 'fail' || !reachable(address)) return [];
    // Only names whose forward lookup gave an answer count: a failed lookup proves nothing.
    const names = address.ptr.filter((ptr) => ANSWERED.has(ptr.forwardStatus)).map((ptr) => ptr.name);
    if (names.length === 0) return [];
    const record = address.family === 6 ? 'AAAA' : 'A';
    const those = names.length === 1 ? `${names[0]} does not resolve back to ${address.ip}` : `none of those names resolves back to ${address.ip}`;
    return [
      {
        code: 'fcrdns-fail',
        severity: 'warn',
        message:
          `${describeOwned(owned)} has reverse DNS ${listOf(names)}, but ${those}. Receivers that check ` +
          `forward-confirmed reverse DNS treat the address as having no name, which hurts mail this server sends. ` +
          `Add an ${record} record for ${address.ip} to ${names.length === 1 ? names[0] : 'the PTR name'}, or change ` +
          `the PTR record to a name that has one.`,
        rfc: 'RFC 8601 §3',
        subject: address.ip,
      },
    ];
  });
}
