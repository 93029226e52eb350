/** The MTA-STS section of a report: the `_mta-sts` TXT record and the policy file (plain data). */
import type { AnswerStatus, DnsName } from '../../vocabulary';

export type MtaStsMode = 'enforce' | 'testing' | 'none';

/** The `_mta-sts` TXT record, read (RFC 8461 §3.1). */
export interface MtaStsRecordParse {
  /** `id=`: changes whenever the policy changes, so senders fetch it again. */
  id?: string;
  errors: string[];
  unknownTags: string[];
}

/** The policy file, read (RFC 8461 §3.2). */
export interface MtaStsPolicy {
  version?: string;
  mode?: MtaStsMode;
  /** Seconds senders may cache the policy. */
  maxAge?: number;
  /** `mx:` patterns, as published (`mail.example.com`, `*.example.net`). */
  mx: string[];
  errors: string[];
  unknownKeys: string[];
  /**
   * The value of an `id:` line, when the file has one. RFC 8461 has no such field: the id that
   * counts is the TXT record's (§3.1), and senders ignore this line. Kept to compare the two.
   */
  idLine?: string;
}

/** What a policy fetch gave. The URL is always `https://mta-sts.<domain>/.well-known/mta-sts.txt`. */
export type MtaStsPolicyState =
  /** No `v=STSv1` record to fetch a policy for, or no way to fetch (the CLI without --fetch, ...). */
  | { state: 'not-fetched' }
  | { state: 'fetching'; url: string }
  /** The extension needs the user's permission for the policy host; the UI offers a button. */
  | { state: 'permission-needed'; url: string }
  | { state: 'ok'; url: string; policy: MtaStsPolicy; body: string }
  | { state: 'http-error'; url: string; httpStatus: number }
  /** RFC 8461 §3.3: the policy must be served as text/plain. Parsed anyway, for the display. */
  | { state: 'bad-content-type'; url: string; contentType?: string; policy: MtaStsPolicy; body: string }
  | { state: 'parse-error'; url: string; policy: MtaStsPolicy; body: string }
  | { state: 'fetch-failed'; url: string; message: string };

export interface MtaStsSection {
  status: 'pending' | 'done';
  domain: DnsName;
  /** The answer for `_mta-sts.<domain> TXT`. */
  txtStatus: AnswerStatus;
  /** The TXT records there that start with `v=STSv1` (others are discarded, RFC 8461 §3.1). */
  records: string[];
  /** The record, read, when there is exactly one. */
  record?: MtaStsRecordParse;
  policy: MtaStsPolicyState;
}

/** How the policy file is fetched: injected, so src/core needs neither fetch nor permissions. */
export type PolicyFetcher = (url: string) => Promise<{ status: number; contentType?: string; body: string } | 'permission-needed'>;
