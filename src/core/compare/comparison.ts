/**
 * A resolver comparison as plain data, and how its rows group by what they said. Apart from
 * compare-resolvers.ts so the UI reads comparisons without pulling the DoH client in.
 */
import type { AnswerStatus, DnsName, ErrorInfo } from '../vocabulary';

export type ComparedType = 'MX' | 'A' | 'AAAA' | 'TXT';

export interface ResolverAnswerRow {
  /** Provider id (`cloudflare`, or the custom URL's id). */
  resolver: string;
  /** The resolver as people know it. */
  resolverName: string;
  status: AnswerStatus;
  /** The records as text, sorted: `10 mx.example.com` for MX, the address, the joined TXT. */
  values: string[];
  ttl?: number;
  /** The resolver validated the answer with DNSSEC (AD). */
  authenticated: boolean;
  elapsedMs: number;
  error?: ErrorInfo;
}

export interface ResolverComparison {
  name: DnsName;
  type: ComparedType;
  status: 'running' | 'done';
  rows: ResolverAnswerRow[];
}

/** Rows grouped by what they said (status and records, TTLs aside), biggest group first. */
export function answerGroups(comparison: ResolverComparison): { key: string; rows: ResolverAnswerRow[] }[] {
  const groups = new Map<string, ResolverAnswerRow[]>();
  for (const row of comparison.rows) {
    if (row.status === 'pending' || row.status === 'error') continue;
    const key = `${row.status}|${row.values.map((value) => value.toLowerCase()).join('\n')}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups].map(([key, rows]) => ({ key, rows })).sort((a, b) => b.rows.length - a.rows.length);
}

/** What one resolver said, in words: its records, or why there are none. */
export function rowAnswerText(row: ResolverAnswerRow): string {
  switch (row.status) {
    case 'ok':
      return row.values.join(', ');
    case 'pending':
      return '…';
    case 'nodata':
      return 'no records (NODATA)';
    case 'error':
      return row.error?.message ?? 'no answer';
    default:
      return row.status.toUpperCase();
  }
}
