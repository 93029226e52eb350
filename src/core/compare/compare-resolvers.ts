/**
 * "Compare resolvers" (propagation): the same question asked of every configured resolver at
 * once, each on its own (no cache, no fallback), so a record change that has reached some caches
 * and not others, a resolver that filters a name, or one that is down all show side by side.
 */
import { normaliseName } from '../dns/message';
import { DohClient } from '../doh/doh-client';
import type { FetchLike } from '../doh/doh-request';
import { AnswerCache } from '../doh/answer-cache';
import type { DohProvider } from '../doh/providers';
import { AllResolversFailed, toErrorInfo } from '../errors';
import { minTtl, readAnswer } from '../doh/read-answer';
import type { DnsName } from '../vocabulary';
import type { ComparedType, ResolverComparison } from './comparison';

export type { ComparedType, ResolverAnswerRow, ResolverComparison } from './comparison';
export { answerGroups } from './comparison';

export interface CompareOptions {
  type?: ComparedType;
  fetch?: FetchLike;
  timeoutMs?: number;
  now?: () => number;
  signal?: AbortSignal;
  /** Called with a fresh copy as each resolver answers. */
  onUpdate?: (comparison: ResolverComparison) => void;
}

export async function compareResolvers(name: DnsName, providers: readonly DohProvider[], options: CompareOptions = {}): Promise<ResolverComparison> {
  const type = options.type ?? 'MX';
  const now = options.now ?? Date.now;
  const comparison: ResolverComparison = {
    name: normaliseName(name),
    type,
    status: 'running',
    rows: providers.map((provider) => ({
      resolver: provider.id,
      resolverName: provider.name,
      status: 'pending',
      values: [],
      authenticated: false,
      elapsedMs: 0,
    })),
  };
  const emit = () => options.onUpdate?.(structuredClone(comparison));
  await Promise.all(
    providers.map(async (provider, index) => {
      // Its own client and cache: a comparison must reach every resolver, never our cache.
      const client = new DohClient({
        providers: [provider],
        cache: new AnswerCache(16),
        penaltyMs: 0,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
      const started = now();
      const row = comparison.rows[index]!;
      try {
        const answer = await client.query({ name: comparison.name, type }, options.signal ? { signal: options.signal } : {});
        const read = readAnswer(answer, type);
        row.status = read.status;
        row.values = read.records.map(recordText).sort(compareValues(type));
        const ttl = minTtl(read.records);
        if (ttl !== undefined) row.ttl = ttl;
        row.authenticated = answer.authenticated;
      } catch (error) {
        row.status = 'error';
        // With one resolver, its own failure says more than "no resolver answered".
        const cause = error instanceof AllResolversFailed && error.failures.length === 1 ? error.failures[0] : error;
        row.error = toErrorInfo(cause, provider.name, `${comparison.name} ${type}`);
      }
      row.elapsedMs = Math.round(now() - started);
      emit();
    }),
  );
  comparison.status = 'done';
  return comparison;
}

function recordText(record: { type: string; data: unknown }): string {
  const data = record.data;
  if (record.type === 'MX') {
    const mx = data as { preference: number; exchange: string };
    return `${mx.preference} ${normaliseName(mx.exchange) || '.'}`;
  }
  if (record.type === 'TXT') return (data as string[]).join('');
  return String(data);
}

function compareValues(type: ComparedType): (a: string, b: string) => number {
  if (type !== 'MX') return (a, b) => a.localeCompare(b);
  return (a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b);
}
