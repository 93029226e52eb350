/**
 * A `DnsAsk` straight over a `DohClient`, for check_host() outside a lookup (the CLI's
 * --spf-ip, the worker's "Test a sending server"): the same cache, in-flight dedupe and
 * fallback, answers read the same way (CNAMEs followed, RFC 2308 statuses). Never rejects.
 */
import { isQueryableName, normaliseName } from '../../../dns/message';
import type { DohClient } from '../../../doh/doh-client';
import { toErrorInfo } from '../../../errors';
import { parseIp } from '../../../ip';
import { minTtl, readAnswer } from '../../../doh/read-answer';
import type { AskResult, DnsAsk } from '../../dns-ask';

export function clientAsk(client: DohClient, signal?: AbortSignal): DnsAsk {
  return async (name, type, after) => {
    const before = after?.depth ?? 0;
    const base = { name, type, values: [] as string[], authenticated: false };
    if (!isQueryableName(name))
      return { ...base, status: 'error', depth: before, error: { code: 'bad-name', message: `"${name}" is not a name DNS can look up.` } };
    try {
      const answer = await client.query({ name, type }, signal ? { signal } : {});
      const read = readAnswer(answer, type);
      const values = read.records.map((record) => {
        if (record.type === 'TXT') return record.data.join('');
        if (record.type === 'MX') return normaliseName(record.data.exchange);
        if (record.type === 'PTR') return normaliseName(record.data);
        return parseIp(String(record.data))?.ip ?? String(record.data);
      });
      const result: AskResult = { ...base, status: read.status, values, authenticated: answer.authenticated, depth: before + (answer.fromCache ? 0 : 1) };
      const ttl = minTtl(read.records);
      if (ttl !== undefined) result.ttl = ttl;
      return result;
    } catch (error) {
      return { ...base, status: 'error', depth: before + 1, error: toErrorInfo(error, client.providers[0]!.name, `${name} ${type}`) };
    }
  };
}
