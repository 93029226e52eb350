/**
 * How the mail diagnostics (SPF, DMARC, DKIM, MTA-STS, DANE, TLS-RPT, BIMI, blocklists) ask DNS. They
 * never see the DoH client: the lookup hands them a `DnsAsk` that goes through its own client
 * (cache, dedupe, fallback, request stats) and already reads the answer (CNAMEs followed, RFC
 * 2308 statuses), so each diagnostic is a pure module testable with `fakeAsk`.
 */
import type { RecordOfType } from '../dns/message';
import type { AnswerStatus, DnsName, ErrorInfo } from '../vocabulary';

export type MailQuestionType = 'TXT' | 'A' | 'AAAA' | 'MX' | 'PTR' | 'TLSA';

export interface AskResult {
  name: DnsName;
  type: MailQuestionType;
  /** `ok`, `nodata`, `nxdomain`, `servfail`, `refused`, or `error` (no resolver answered). */
  status: AnswerStatus;
  /**
   * The records at the end of any CNAME chain, as text: TXT, each record's strings joined
   * (RFC 7208 §3.3); A/AAAA, the canonical address; MX, the exchange name normalised (`""` for
   * the null MX `.`); PTR, the names normalised. Empty unless `status` is `ok`.
   */
  values: string[];
  /**
   * The same records, typed as the codecs read them (src/core/dns/record-types/), in the order
   * of `values`: a TLSA record's usage, selector, matching type and hex data; a TXT record's
   * strings apart. Filled by the lookup's and the CLI's asks (`answerValues`,
   * src/core/doh/read-answer.ts); absent from test fakes that give values only. Read it with
   * `askRecords`.
   */
  records?: RecordOfType<MailQuestionType>[];
  /** Smallest TTL of the records, when there are records. */
  ttl?: number;
  /** The resolver set AD: it validated the answer with DNSSEC. */
  authenticated: boolean;
  /** Why there is no answer, when `status` is `error`. */
  error?: ErrorInfo;
  /** Round trips on the chain that led to this answer (cache hits add none). */
  depth: number;
}

/**
 * Ask one question. `after` is the answer that made you ask it (an `include:` target after the
 * record that named it), so chained questions count their round trips. Never rejects.
 */
export type DnsAsk = (name: DnsName, type: MailQuestionType, after?: AskResult) => Promise<AskResult>;

/** The typed records of an answer to a `type` question (none when the ask gave values only). */
export function askRecords<T extends MailQuestionType>(result: AskResult, type: T): RecordOfType<T>[] {
  return (result.records ?? []).filter((record): record is RecordOfType<T> => record.type === type);
}
