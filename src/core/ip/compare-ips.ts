/**
 * Order addresses as people expect to read them: IPv4 before IPv6, then numerically
 * (192.0.2.9 before 192.0.2.10). Answers arrive in any order; a stable order keeps the popup
 * from reshuffling between lookups.
 */
import { parseIpBytes } from './parse-ip';

export function compareIps(a: string, b: string): number {
  const x = parseIpBytes(a);
  const y = parseIpBytes(b);
  if (!x || !y) return a.localeCompare(b);
  if (x.family !== y.family) return x.family - y.family;
  for (let i = 0; i < x.bytes.length; i++) {
    const diff = x.bytes[i]! - y.bytes[i]!;
    if (diff !== 0) return diff;
  }
  return 0;
}
