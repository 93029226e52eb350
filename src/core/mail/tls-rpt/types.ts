/** The SMTP TLS reporting section of a report: the `_smtp._tls` TXT record (plain data). */
import type { AnswerStatus, DnsName } from '../../vocabulary';

export interface TlsRptParse {
  /** Valid `mailto:` and `https:` report URIs. */
  rua: string[];
  errors: string[];
  unknownTags: string[];
}

export interface TlsRptSection {
  status: 'pending' | 'done';
  domain: DnsName;
  /** The answer for `_smtp._tls.<domain> TXT`. */
  txtStatus: AnswerStatus;
  /** The TXT records there that begin with `v=TLSRPTv1` (others are discarded, RFC 8460 §3). */
  records: string[];
  /** The record, read, when there is exactly one. */
  parsed?: TlsRptParse;
}
