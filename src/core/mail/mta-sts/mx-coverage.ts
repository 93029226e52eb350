/**
 * The policy's `mx:` patterns against the domain's MX hosts, both ways (RFC 8461 §4.1): every MX
 * host must match a pattern, or senders that enforce the policy refuse to deliver to it; every
 * pattern should match an MX host, or it is stale (it names a host the domain no longer uses).
 */
import type { DnsName } from '../../vocabulary';

/** One MX host and the first pattern that covers it, if any. */
export interface MxHostCoverage {
  host: DnsName;
  pattern?: string;
}

export interface MxCoverage {
  /** Each MX host once, lower case, no trailing dot, in the order given. */
  hosts: MxHostCoverage[];
  /** Patterns (as published) that match none of the MX hosts. */
  stale: string[];
}

/** Lower case, no trailing dot: how names compare (RFC 4343: DNS names are case-insensitive). */
function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * Does `host` match `pattern` (§4.1)? Case-insensitive, trailing dots ignored. A wildcard stands
 * for exactly one label: `*.example.com` matches `mx.example.com`, not `example.com` nor
 * `a.b.example.com`.
 */
export function mxMatchesPattern(host: string, pattern: string): boolean {
  const name = normalise(host);
  const wanted = normalise(pattern);
  if (name === '' || wanted === '') return false;
  if (!wanted.startsWith('*.')) return wanted === name;
  const dot = name.indexOf('.');
  return dot > 0 && name.slice(dot + 1) === wanted.slice(2);
}

/** Does an MX host match one of the policy's patterns (§4.1)? */
export function mxMatchesPolicy(host: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => mxMatchesPattern(host, pattern));
}

/** Both directions at once. Empty host names (the null MX) are left out. */
export function mxCoverage(patterns: readonly string[], mxHosts: readonly string[]): MxCoverage {
  const hosts = [...new Set(mxHosts.map(normalise).filter((host) => host !== ''))];
  return {
    hosts: hosts.map((host) => {
      const pattern = patterns.find((candidate) => mxMatchesPattern(host, candidate));
      return pattern === undefined ? { host } : { host, pattern };
    }),
    stale: [...new Set(patterns)].filter((pattern) => !hosts.some((host) => mxMatchesPattern(host, pattern))),
  };
}
