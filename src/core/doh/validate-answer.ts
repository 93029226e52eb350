/**
 * Is this message really the answer to our question? A resolver (or something between us and
 * it) can send a reply for another name, a truncated one, or a query echoed back. Each of those
 * is a `BadAnswer`, so the client asks the next resolver instead of trusting it.
 */
import type { DnsMessage, DnsQuestion } from '../dns/message';
import { sameName } from '../dns/message';
import { BadAnswer } from '../errors';
import type { DohProvider } from './providers';

export function validateAnswer(message: DnsMessage, question: DnsQuestion, provider: DohProvider): void {
  const label = `${question.name} ${question.type}`;
  const bad = (reason: string) => new BadAnswer(provider.name, reason, label);
  if (!message.flags.qr) throw bad('it is a query, not a response');
  // RFC 8484 §4.1: we always send ID 0, so the response must carry ID 0.
  if (provider.format === 'wire' && message.id !== 0) throw bad(`message ID ${message.id} does not match the query's ID 0`);
  const asked = message.questions[0];
  if (provider.format === 'wire' && !asked) throw bad('the answer has no question section');
  if (asked && (message.questions.length !== 1 || !sameName(asked.name, question.name) || asked.type !== question.type)) {
    throw bad(`the answer is for "${asked.name.slice(0, 80)} ${asked.type}", not for the question asked`);
  }
  if (asked?.class !== undefined) throw bad(`the answer is for class ${asked.class.replace('UNKNOWN_', 'CLASS').slice(0, 20)}, not IN (RFC 1035 §3.2.4)`);
  // RFC 1035 §4.1.1 TC: over HTTPS there is no 512-byte limit, so a truncated answer is a broken one.
  if (message.flags.tc) throw bad('the answer is truncated (TC bit set)');
  if (message.rcode === 'FORMERR' || message.rcode === 'NOTIMP') throw bad(`the resolver answered ${message.rcode}`);
  // Only these four are answers to a query (RFC 1035 §4.1.1, RFC 6895 §2.3); YXDOMAIN and the
  // rest belong to UPDATE and TSIG, and 11-15 are unassigned: name the code rather than guess.
  if (!ANSWER_RCODES.has(message.rcode)) throw bad(rcodeProblem(message.rcode));
}

const ANSWER_RCODES = new Set(['NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED']);

function rcodeProblem(rcode: string): string {
  const number = /^RCODE(\d+)$/.exec(rcode)?.[1];
  if (number !== undefined) return `the resolver answered with response code ${number.slice(0, 12)}, which is not assigned to any meaning (RFC 6895 §2.3)`;
  return `the resolver answered ${rcode}, a response code that is not an answer to a query (RFC 6895 §2.3)`;
}
