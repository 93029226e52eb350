/**
 * A bounded TTL cache of DNS answers, keyed by resolver chain + question.
 *
 * Positive answers live for the smallest TTL in the answer; negative answers (NXDOMAIN and
 * NODATA) for min(SOA TTL, SOA MINIMUM) from the authority section (RFC 2308 §5), and not at all
 * without an SOA. SERVFAIL and resolver failures are never cached: the next try may work.
 * The clock is injected so the core stays deterministic; `takeChanges`/`restore` let the
 * extension keep a copy in `storage.session` across service-worker restarts.
 */
import type { DnsAnswer } from './dns-answer';

export interface CacheEntry {
  answer: DnsAnswer;
  /** When it was stored and when it expires, on the injected clock (ms). */
  storedAt: number;
  expiresAt: number;
}

/** Never keep anything longer than a day, whatever the TTL says (RFC 8767 §4 caps at 7 days; we are a diagnostic tool). */
const MAX_TTL_SECONDS = 86_400;

/** What changed since the last `takeChanges()`: entries stored, and keys gone (evicted, expired, cleared). */
export interface CacheChanges {
  stored: [string, CacheEntry][];
  removed: string[];
}

export class AnswerCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Key -> entry stored, or undefined when removed; only when `trackChanges` (the worker persists them). */
  private readonly changes: Map<string, CacheEntry | undefined> | undefined;

  constructor(
    private readonly maxEntries = 5_000,
    options: { trackChanges?: boolean } = {},
  ) {
    if (options.trackChanges) this.changes = new Map();
  }

  /**
   * The entries stored and the keys removed since the last call, so a copy elsewhere (the
   * worker's storage.session) is kept in step by writing only what changed, not the whole cache.
   */
  takeChanges(): CacheChanges {
    const changes: CacheChanges = { stored: [], removed: [] };
    for (const [key, entry] of this.changes ?? []) {
      if (entry) changes.stored.push([key, entry]);
      else changes.removed.push(key);
    }
    this.changes?.clear();
    return changes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The answer with TTLs counted down to now, or undefined if absent or expired. */
  get(key: string, now: number): DnsAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now >= entry.expiresAt) {
      this.entries.delete(key);
      this.changes?.set(key, undefined);
      return undefined;
    }
    // Refresh recency: Map keeps insertion order, so re-inserting makes this the newest.
    this.entries.delete(key);
    this.entries.set(key, entry);
    const elapsed = Math.floor((now - entry.storedAt) / 1000);
    return ageAnswer(entry.answer, elapsed);
  }

  set(key: string, answer: DnsAnswer, now: number): void {
    const ttl = Math.min(cacheTtlSeconds(answer), MAX_TTL_SECONDS);
    if (ttl <= 0) return;
    this.entries.delete(key);
    const entry = { answer, storedAt: now, expiresAt: now + ttl * 1000 };
    this.entries.set(key, entry);
    this.changes?.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
      this.changes?.set(oldest, undefined);
    }
  }

  clear(): void {
    for (const key of this.entries.keys()) this.changes?.set(key, undefined);
    this.entries.clear();
  }

  /**
   * Puts entries back (oldest first, so the LRU order survives). Returns the keys that were not
   * taken (expired, or beyond the bound), so a persisted copy can drop them.
   */
  restore(entries: [string, CacheEntry][], now: number): string[] {
    const dropped: string[] = [];
    const sorted = [...entries].sort((a, b) => a[1].storedAt - b[1].storedAt);
    for (const [key, entry] of sorted) {
      if (entry.expiresAt > now && !this.entries.has(key)) this.entries.set(key, entry);
      else dropped.push(key);
    }
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
      dropped.push(oldest);
    }
    return dropped;
  }
}

/** How long an answer may be cached, in seconds (0 = not at all). */
export function cacheTtlSeconds(answer: DnsAnswer): number {
  if (answer.rcode === 'NOERROR' && answer.answers.length > 0) {
    return Math.min(...answer.answers.map((r) => r.ttl));
  }
  if (answer.rcode === 'NXDOMAIN' || answer.rcode === 'NOERROR') {
    const soa = answer.authorities.find((r) => r.type === 'SOA');
    if (soa?.type === 'SOA') return Math.min(soa.ttl, soa.data.minimum);
  }
  return 0;
}

function ageAnswer(answer: DnsAnswer, elapsedSeconds: number): DnsAnswer {
  const age = <T extends { ttl: number }>(r: T): T => ({ ...r, ttl: Math.max(0, r.ttl - elapsedSeconds) });
  return { ...answer, answers: answer.answers.map(age), authorities: answer.authorities.map(age), fromCache: true, requests: 0, failures: [] };
}
