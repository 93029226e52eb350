/**
 * A record the DoH client left out of an answer (src/core/doh/stray-records.ts, the codecs) as
 * a line of the report's `errors`, code `answer-ignored`, so the `answer-ignored` check can say
 * it in a sentence: MXray never drops data silently.
 */
import type { DnsAnswer } from '../doh/dns-answer';
import type { ErrorInfo } from '../vocabulary';

export function ignoredRecords(answer: DnsAnswer, note: string): ErrorInfo {
  const question = `${answer.name} ${answer.type}`;
  return { code: 'answer-ignored', message: `In the answer to ${question}, ${note.replace(/\.$/, '')}.`, resolver: answer.resolver, question };
}
