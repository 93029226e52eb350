/**
 * Reading a DNS answer the way a resolver's client should: follow the CNAME chain from the
 * question name (RFC 1034 §3.6.2, at most 16 links, loops stopped), then take the records of
 * the asked type at the end of it. The plan and the checks never look at raw sections.
 */
import type { DnsRecord, QuestionType, RecordOfType } from '../dns/message';
import { normaliseName } from '../dns/message';
import { recordTypeNamed } from '../dns/record-types/registry';
import type { DnsAnswer } from './dns-answer';
import type { AnswerStatus } from '../vocabulary';

const MAX_CHAIN = 16;

/** The record variant a question type gives. */
export type RecordOf<T extends DnsRecord['type']> = RecordOfType<T>;

export interface ReadAnswer<R extends DnsRecord = DnsRecord> {
  status: AnswerStatus;
  /** The aliases passed through, in order (empty when the name is not an alias). */
  cname: string[];
  records: R[];
  /**
   * The chain could not be followed to its end: it comes back to a name already passed
   * (`loop`), or it is longer than any resolver follows (`too-long`, over 16 links). Either way
   * senders' resolvers give up (SERVFAIL), so the status is `servfail`, never "no records".
   */
  chain?: 'loop' | 'too-long';
}

export function readAnswer<T extends DnsRecord['type']>(answer: DnsAnswer, type: T): ReadAnswer<RecordOf<T>> {
  const cname: string[] = [];
  let target = normaliseName(answer.name);
  const seen = new Set([target]);
  let chain: ReadAnswer['chain'];
  for (;;) {
    const alias = answer.answers.find((r) => r.type === 'CNAME' && normaliseName(r.name) === target);
    if (!alias || alias.type !== 'CNAME') break;
    const next = normaliseName(alias.data);
    if (seen.has(next)) {
      chain = 'loop';
      cname.push(next);
      break;
    }
    if (cname.length >= MAX_CHAIN) {
      chain = 'too-long';
      break;
    }
    seen.add(next);
    cname.push(next);
    target = next;
  }
  // A chain that ends on an alias whose target the answer leaves out, 16 links deep, is one the
  // resolver gave up on as well.
  if (!chain && cname.length >= MAX_CHAIN && !answer.answers.some((r) => r.type === type && normaliseName(r.name) === target)) chain = 'too-long';
  if (chain) return { status: 'servfail', cname, records: [], chain };
  const records = answer.answers.filter((r): r is RecordOf<T> => r.type === type && normaliseName(r.name) === target);
  return { status: statusOf(answer.rcode, records.length > 0), cname, records };
}

/** NXDOMAIN, NODATA (RFC 2308 §2.2), SERVFAIL and REFUSED are different things; keep them apart. */
export function statusOf(rcode: string, hasRecords: boolean): AnswerStatus {
  switch (rcode) {
    case 'NOERROR':
      return hasRecords ? 'ok' : 'nodata';
    case 'NXDOMAIN':
      return 'nxdomain';
    case 'SERVFAIL':
      return 'servfail';
    case 'REFUSED':
      return 'refused';
    default:
      return 'error';
  }
}

/** An answer as the mail diagnostics read it (`AskResult`, src/core/mail/dns-ask.ts), but for where it came from. */
export interface AnswerValues<T extends QuestionType = QuestionType> {
  status: AnswerStatus;
  /** Each record as the text its type's table entry gives (`value`): TXT strings joined, names normalised, addresses canonical. */
  values: string[];
  /** The same records, typed, in the same order. */
  records: RecordOfType<T>[];
  /** Smallest TTL of the records, when there are records. */
  ttl?: number;
}

/**
 * The one mapping from an answer to what a `DnsAsk` hands the mail diagnostics: CNAMEs followed
 * (`readAnswer`), the records of `type` kept typed, and each as text through its type's entry
 * in record-types/registry.ts, so a new record type needs nothing here.
 */
export function answerValues<T extends QuestionType>(answer: DnsAnswer, type: T): AnswerValues<T> {
  const read = readAnswer(answer, type);
  const entry = recordTypeNamed(type)!;
  const result: AnswerValues<T> = { status: read.status, values: read.records.map((record: DnsRecord) => entry.value(record.data)), records: read.records };
  const ttl = minTtl(read.records);
  if (ttl !== undefined) result.ttl = ttl;
  return result;
}

/** TXT character-strings are one value once joined without spaces (RFC 7208 §3.3). */
export function txtValues(answer: DnsAnswer): { status: AnswerStatus; values: string[] } {
  const { status, values } = answerValues(answer, 'TXT');
  return { status, values };
}

/** The smallest TTL of a record set (what a cache would use). */
export function minTtl(records: { ttl: number }[]): number | undefined {
  return records.length === 0 ? undefined : Math.min(...records.map((r) => r.ttl));
}
