/**
 * A `DnsAsk` straight over a `DohClient`, for check_host() outside a lookup (the CLI's
 * --spf-ip, the worker's "Test a sending server"): the same cache, in-flight dedupe and
 * fallback, answers read the same way (CNAMEs followed, RFC 2308 statuses, `answerValues`).
 * Never rejects.
 */
import { isQueryableName } from '../../../dns/message';
import type { DohClient } from '../../../doh/doh-client';
import { toErrorInfo } from '../../../errors';
import { answerValues } from '../../../doh/read-answer';
import type { DnsAsk } from '../../dns-ask';

export function clientAsk(client: DohClient, signal?: AbortSignal): DnsAsk {
  return async (name, type, after) => {
    const before = after?.depth ?? 0;
    const base = { name, type, values: [] as string[], authenticated: false };
    if (!isQueryableName(name))
      return { ...base, status: 'error', depth: before, error: { code: 'bad-name', message: `"${name}" is not a name DNS can look up.` } };
    try {
      const answer = await client.query({ name, type }, signal ? { signal } : {});
      return { ...base, ...answerValues(answer, type), authenticated: answer.authenticated, depth: before + (answer.fromCache ? 0 : 1) };
    } catch (error) {
      return { ...base, status: 'error', depth: before + 1, error: toErrorInfo(error, client.providers[0]!.name, `${name} ${type}`) };
    }
  };
}
