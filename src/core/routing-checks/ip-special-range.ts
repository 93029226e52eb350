/**
 * For an IP query: an address in a special-purpose range (RFC 6890) is not an ordinary internet
 * address, so public reverse DNS and mail reputation say little or nothing about it.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { describeRange, rangeKind, TEST_RANGES, TUNNEL_RANGES, UNREACHABLE_RANGES } from './ranges';

export function checkIpSpecialRange(report: ReportFacts): Finding[] {
  const address = report.ptr;
  if (report.query.kind !== 'ip' || !address?.range) return [];
  const kind = rangeKind(address.range);
  const context = UNREACHABLE_RANGES.has(kind)
    ? 'No mail server on the internet can be reached at it, so public reverse DNS says nothing about it; check the internal DNS of the network it belongs to.'
    : TEST_RANGES.has(kind)
      ? 'It appears in examples and tests, never as a real mail server on the internet.'
      : TUNNEL_RANGES.has(kind)
        ? 'Mail servers are rarely on such addresses, and many receivers distrust mail sent from them.'
        : undefined;
  if (!context) return [];
  const { phrase, rfc } = describeRange(address.range, address.family);
  return [{ code: 'ip-special-range', severity: 'info', message: `${address.ip} is ${phrase}. ${context}`, rfc, subject: address.ip }];
}
