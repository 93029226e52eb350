/**
 * What every mail diagnostic gets from the lookup: the domain, a way to ask DNS, and the
 * lookup's abort signal. See `dns-ask.ts`. What the lookup hands over later, as its own answers
 * land (the MX hosts for per-MX sections such as DANE, the mail hosts' addresses for the
 * blocklists), comes beside this context in `SectionRun` (mail-section.ts).
 */
import type { DnsName } from '../vocabulary';
import type { DnsAsk } from './dns-ask';

export interface ProbeContext {
  /** ASCII, lower case, no trailing dot: the domain the mail is for. */
  domain: DnsName;
  ask: DnsAsk;
  /** Stop asking new questions once aborted. */
  signal?: AbortSignal;
}
