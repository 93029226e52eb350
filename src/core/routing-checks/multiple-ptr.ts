/**
 * An address with several PTR names. Resolvers return them in any order and many receivers look
 * only at the first, so the name a receiver sees changes from one connection to the next.
 * Applies to MX addresses and to the address of an IP query.
 */
import type { Address } from '../report';
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { addressOwners, describeOwned } from './address-owners';
import { listOf } from '../wording';

export function checkMultiplePtr(report: ReportFacts): Finding[] {
  const subjects: { address: Address; label: string }[] =
    report.query.kind === 'ip'
      ? report.ptr
        ? [{ address: report.ptr, label: report.ptr.ip }]
        : []
      : addressOwners(report).map((owned) => ({ address: owned.address, label: describeOwned(owned) }));
  return subjects
    .filter(({ address }) => address.ptrStatus === 'ok' && new Set(address.ptr.map((ptr) => ptr.name)).size > 1)
    .map(({ address, label }): Finding => {
      const names = [...new Set(address.ptr.map((ptr) => ptr.name))];
      return {
        code: 'multiple-ptr',
        severity: 'info',
        message:
          `${label} has ${names.length} reverse DNS names (${listOf(names)}). Resolvers return them in any order and ` +
          `many receivers check only the first, so the name they see varies. One PTR record per address is more predictable.`,
        subject: address.ip,
      };
    });
}
