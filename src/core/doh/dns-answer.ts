import type { DnsRecord, QuestionType } from '../dns/message';
import type { ErrorInfo } from '../vocabulary';

/** What the DoH client returns for one question: the DNS answer plus how it was obtained. */
export interface DnsAnswer {
  name: string;
  type: QuestionType;
  /** NOERROR, NXDOMAIN, SERVFAIL, REFUSED, ... (a DNS answer, not a transport failure). */
  rcode: string;
  answers: DnsRecord[];
  authorities: DnsRecord[];
  /** The resolver validated it with DNSSEC (AD bit, RFC 4035 §3.2.3). */
  authenticated: boolean;
  /** Id of the resolver that gave this answer. */
  resolver: string;
  fromCache: boolean;
  /** HTTP requests this answer cost (0 from the cache; more than 1 after fallback or POST retry). */
  requests: number;
  /** Records left out of the answer, each a sentence why (stray-records.ts, the codecs). */
  notes?: string[];
  /** Resolvers that failed before this one answered, in order (or were slow: `resolver-slow`). */
  failures: ErrorInfo[];
  /** This answer came from a hedge: an earlier resolver was still silent when it arrived. */
  hedged?: boolean;
}
