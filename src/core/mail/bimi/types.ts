/** The BIMI section of a report: the `default._bimi` TXT record (plain data). */
import type { AnswerStatus, DnsName } from '../../vocabulary';

export interface BimiParse {
  /** `l=`: where the logo (SVG) is; empty in a declination. */
  location?: string;
  /** `a=`: where the evidence document (a VMC or CMC certificate) is. */
  authority?: string;
  /** `l=` and `a=` both empty: the domain declines BIMI (draft §4.3.1). */
  declined: boolean;
  /** `avp=`: brand or personal. */
  avatarPreference?: string;
  /** `lps=true`: local-part selectors. */
  localPartSelectors?: boolean;
  /** Problems that make receivers discard the record (they must not fix it, draft §4.3). */
  errors: string[];
  /** `l=` is set but not an https: URL: no provider fetches the logo. */
  locationNotHttps: boolean;
  unknownTags: string[];
}

export interface BimiSection {
  status: 'pending' | 'done';
  domain: DnsName;
  /** `default._bimi.<domain>` */
  name: DnsName;
  txtStatus: AnswerStatus;
  /** The TXT records there that start with `v=BIMI1`. */
  records: string[];
  /** The record, read, when there is exactly one. */
  parsed?: BimiParse;
}
