/**
 * A validated DNS message becomes the client's `DnsAnswer`: the records that belong to the
 * question (stray-records.ts leaves out the others, each with a sentence why), the AD bit
 * (RFC 4035 §3.2.3: the resolver validated it), which resolver answered, what it cost, and the
 * resolvers that failed or were skipped before it.
 */
import type { DnsMessage, DnsQuestion } from '../dns/message';
import type { ErrorInfo } from '../vocabulary';
import type { DnsAnswer } from './dns-answer';
import type { DohProvider } from './providers';
import { withoutStrayRecords } from './stray-records';

export function toAnswer(question: DnsQuestion, message: DnsMessage, provider: DohProvider, requests: number, failures: ErrorInfo[]): DnsAnswer {
  const { answers, notes } = withoutStrayRecords(message, question);
  return {
    ...(notes.length > 0 ? { notes } : {}),
    name: question.name,
    type: question.type,
    rcode: message.rcode,
    answers,
    authorities: message.authorities,
    authenticated: message.flags.ad,
    resolver: provider.id,
    fromCache: false,
    requests,
    failures,
  };
}
