// The naive plan most DNS extensions follow, as the yardstick for the engine: one question at a
// time, each asked only after the previous answer arrived:
//   MX; then for each exchange (by preference) A, then AAAA; then each address's PTR; then the
//   forward lookup of each PTR name.
// It uses the same DohClient as the engine, one `query` at a time, so transport, cache and
// validation are identical and only the plan differs. Two things favour the baseline, so the
// measured speed-up is a lower bound: it asks no TXT, _dmarc or apex A/AAAA questions (the
// engine asks 5 at once in its first round trip), and its forward lookups are the exchanges'
// A/AAAA questions again, answered by the client's cache at no cost.
import type { DnsRecord, QuestionType } from '../src/core/dns/message';
import { normaliseName } from '../src/core/dns/message';
import type { DohClient } from '../src/core/doh/doh-client';
import { buildPtrName } from '../src/core/ip/ptr-name';

export interface SequentialResult {
  /** Milliseconds to the MX answer (the first thing a person could be shown). */
  firstMxMs: number;
  /** Milliseconds to the last forward lookup. */
  completeMs: number;
  exchanges: number;
  /** HTTP requests sent (cache hits cost none). */
  requests: number;
  questions: number;
}

export async function lookupSequentially(name: string, client: DohClient, now: () => number = () => performance.now()): Promise<SequentialResult> {
  const started = now();
  let requests = 0;
  let questions = 0;
  const ask = async (qname: string, type: QuestionType): Promise<DnsRecord[]> => {
    questions++;
    const answer = await client.query({ name: qname, type });
    requests += answer.requests;
    return answer.answers.filter((record) => record.type === type);
  };

  const mx = (await ask(name, 'MX')).flatMap((record) => (record.type === 'MX' ? [record.data] : []));
  const firstMxMs = now() - started;
  const hosts = mx
    .sort((a, b) => a.preference - b.preference)
    .map((data) => normaliseName(data.exchange))
    .filter((host) => host !== '');

  const addresses: { ip: string; family: 4 | 6 }[] = [];
  for (const host of hosts) {
    for (const type of ['A', 'AAAA'] as const) {
      for (const record of await ask(host, type)) {
        if (typeof record.data === 'string') addresses.push({ ip: record.data, family: type === 'A' ? 4 : 6 });
      }
    }
  }

  const ptrNames: { name: string; family: 4 | 6 }[] = [];
  for (const address of addresses) {
    for (const record of await ask(buildPtrName(address.ip), 'PTR')) {
      if (typeof record.data === 'string') ptrNames.push({ name: normaliseName(record.data), family: address.family });
    }
  }

  for (const ptr of ptrNames) await ask(ptr.name, ptr.family === 4 ? 'A' : 'AAAA');

  return { firstMxMs, completeMs: now() - started, exchanges: hosts.length, requests, questions };
}
