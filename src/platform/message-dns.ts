/**
 * The `DnsAsk` of message.html: each question goes to the worker (`messageDnsAsk`), which asks
 * it through the user's resolver and cache. Never rejects: a worker that does not answer is an
 * `error` answer, as a resolver that does not answer is.
 */
import type { AskResult, DnsAsk } from '../core/mail/dns-ask';
import { sendRequest } from './requests';

export function workerDnsAsk(): DnsAsk {
  return async (name, type, after) => {
    const depth = after?.depth ?? 0;
    try {
      return await sendRequest('messageDnsAsk', { name, type, depth });
    } catch (error) {
      const answer: AskResult = { name, type, status: 'error', values: [], authenticated: false, depth: depth + 1 };
      answer.error = { code: 'worker', message: error instanceof Error ? error.message : String(error), question: `${name} ${type}` };
      return answer;
    }
  };
}
