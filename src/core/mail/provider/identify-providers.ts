/**
 * Name the provider behind each MX host by exact domain suffix on label boundaries, never by
 * substring: `ilovegmail.com` and `google.com.evil.test` are not Google. Pure: no DNS.
 */
import { toASCII } from 'punycode/';
import type { DnsName } from '../../vocabulary';
import { PROVIDERS, type ProviderEntry } from './provider-table';
import type { ProviderInfo, ProviderMatch } from './types';

interface Pattern {
  labels: readonly string[];
  entry: ProviderEntry;
}

// Compiled once. Exact suffixes are looked up by name; the few with `*` are matched label by label.
const EXACT = new Map<string, ProviderEntry>();
const WILDCARDS: Pattern[] = [];
for (const entry of PROVIDERS) {
  for (const suffix of entry.suffixes) {
    if (suffix.includes('*')) WILDCARDS.push({ labels: suffix.split('.'), entry });
    else EXACT.set(suffix, entry);
  }
}

/** UTS #46 §2.3: these full stops separate labels just like ".". */
const UNICODE_DOTS = /[\u3002\uFF0E\uFF61]/g;

/**
 * The host as DNS compares it: lower case (RFC 4343), no trailing dot, IDN labels in ASCII.
 * Text that is no usable name comes back as it was given, lower-cased; it matches nothing.
 */
export function normaliseMxHost(host: string): DnsName {
  let name = host.trim().replace(UNICODE_DOTS, '.').toLowerCase();
  if (name.endsWith('.')) name = name.slice(0, -1);
  // eslint-disable-next-line no-control-regex -- ASCII test
  if (/[^\u0000-\u007f]/.test(name)) {
    try {
      name = toASCII(name);
    } catch {
      // punycode refuses some input (overflow); keep the text, it matches no ASCII suffix.
    }
  }
  return name;
}

/** The provider whose longest suffix matches `host` (already normalised), if any. */
export function providerOfHost(host: DnsName): ProviderEntry | undefined {
  if (host === '' || host.startsWith('.') || host.includes('..')) return undefined;
  const labels = host.split('.');
  // Longest suffix first: the whole name, then without its first label, and so on.
  for (let start = 0; start < labels.length; start++) {
    const suffix = labels.slice(start).join('.');
    const exact = EXACT.get(suffix);
    const wildcard = WILDCARDS.find((pattern) => pattern.labels.length === labels.length - start && matchesLabels(labels.slice(start), pattern.labels));
    // At equal length an exact suffix is the more specific claim.
    if (exact ?? wildcard) return exact ?? wildcard!.entry;
  }
  return undefined;
}

function matchesLabels(labels: readonly string[], pattern: readonly string[]): boolean {
  return pattern.every((label, index) => label === '*' || label === labels[index]);
}

/**
 * The providers behind `hosts` (MX order), each once with the hosts it runs, in the order of
 * their first host; the hosts no provider claims are grouped in one match without `provider`,
 * placed where the first of them came. The null MX (`""` or `.`) is no host and is left out.
 */
export function identifyProviders(hosts: readonly string[]): ProviderMatch[] {
  const matches: ProviderMatch[] = [];
  const byProvider = new Map<string, ProviderMatch>();
  const seen = new Set<string>();
  for (const raw of hosts) {
    const host = normaliseMxHost(raw);
    if (host === '' || seen.has(host)) continue;
    seen.add(host);
    const entry = providerOfHost(host);
    const key = entry?.id ?? '';
    let match = byProvider.get(key);
    if (!match) {
      match = entry ? { provider: providerInfo(entry), hosts: [] } : { hosts: [] };
      byProvider.set(key, match);
      matches.push(match);
    }
    match.hosts.push(host);
  }
  return matches;
}

/** The table entry without its suffixes: what a report carries. */
function providerInfo(entry: ProviderEntry): ProviderInfo {
  const info: ProviderInfo = { id: entry.id, name: entry.name, kind: entry.kind };
  if (entry.url !== undefined) info.url = entry.url;
  return info;
}
