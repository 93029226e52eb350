/**
 * Gathers what one list holds: addresses grouped by their domain (each domain looked up once,
 * the distinct addresses counted), bare domains, and the entries that are neither, each with a
 * reason. Addresses are compared without case: `Ann@X.com` and `ann@x.com` are one mailbox in
 * every list-cleaning tool, and counting them twice would inflate the figures.
 */
import type { Query } from '../vocabulary';
import type { BulkDomain, BulkInput, BulkInvalid } from './types';

/** Longer entries are shown cut, so one pasted paragraph cannot swamp the list of invalid ones. */
const MAX_SHOWN_INPUT = 200;

export class EntryCollector {
  private readonly byDomain = new Map<string, BulkDomain>();
  private readonly seenAddresses = new Set<string>();
  private readonly invalid: BulkInvalid[] = [];
  private addressCount = 0;
  private duplicates = 0;

  /** An email query (domain in ASCII, `display` its Unicode form). */
  addAddress(query: Query): void {
    if (query.kind !== 'email' || query.email === undefined) return;
    this.addressCount++;
    const key = query.email.toLowerCase();
    const entry = this.domainEntry(query);
    if (this.seenAddresses.has(key)) {
      this.duplicates++;
      return;
    }
    this.seenAddresses.add(key);
    entry.addresses.push(query.email);
  }

  /** A domain given on its own. */
  addDomain(query: Query): void {
    const entry = this.domainEntry(query);
    if (entry.bare) this.duplicates++;
    entry.bare = true;
  }

  addInvalid(input: string, invalid: string, line: number): void {
    const shown = input.length > MAX_SHOWN_INPUT ? `${input.slice(0, MAX_SHOWN_INPUT)}…` : input;
    this.invalid.push({ input: shown, invalid, line });
  }

  result(): BulkInput {
    return { domains: [...this.byDomain.values()], invalid: this.invalid, addressCount: this.addressCount, duplicates: this.duplicates };
  }

  private domainEntry(query: Query): BulkDomain {
    let entry = this.byDomain.get(query.name);
    if (!entry) {
      entry = { domain: query.name, display: query.display, addresses: [], bare: false };
      this.byDomain.set(query.name, entry);
    }
    return entry;
  }
}
