/**
 * The DANE section of a report (RFC 7672, DANE for SMTP; RFC 7671, RFC 6698): for each MX host,
 * the TLSA records at `_25._tcp.<host>` and whether a sender that does DANE can use them. Plain
 * data. `hosts` is what `--json` users read (`mail.dane.hosts`): its entries keep exactly the
 * fields `host`, `status`, `records`, `rollover`; how each was looked up is in `lookups`.
 */
import type { AnswerStatus, DnsName } from '../../vocabulary';

/** One TLSA record as presented (RFC 6698 §2.2): three numbers and the data in hex (lower case). */
export interface TlsaRecord {
  usage: number;
  selector: number;
  matchingType: number;
  data: string;
}

/**
 * What a DANE sender makes of one MX host:
 * - `valid`: an authenticated TLSA RRset with at least one usable record (and the MX answer authenticated);
 * - `insecure`: TLSA present, but the MX or the TLSA answer is not authenticated, so senders ignore it;
 * - `none`: no TLSA;
 * - `unusable`: authenticated, but no usable record (only usages 0/1, unknown values, wrong lengths);
 * - `failed`: the TLSA question failed for a signed host (senders defer the mail).
 */
export type DaneStatus = 'valid' | 'insecure' | 'none' | 'unusable' | 'failed';

export interface DaneHost {
  /** The MX host as the MX record names it. */
  host: DnsName;
  status: DaneStatus;
  records: TlsaRecord[];
  /** Ready for a key or certificate change: two DANE-EE records, or DANE-EE and DANE-TA (duplicates once). */
  rollover: boolean;
}

/** How one host's TLSA records were looked up: the answers the status is read from. */
export interface DaneLookup {
  host: DnsName;
  /** The TLSA base domain (RFC 7672 §2.2.3): the host, or its CNAME target when the chain is signed. */
  base: DnsName;
  /** The answer for `_25._tcp.<base> TLSA`; `pending` until it is in. */
  tlsaStatus: AnswerStatus;
  /** The resolver set AD on the TLSA answer. */
  tlsaAuthenticated: boolean;
  /** The resolver set AD on the domain's MX answer. */
  mxAuthenticated: boolean;
  /** The host's own zone is signed (its address answer, else its TLSA answer, was authenticated). */
  hostSigned: boolean;
}

export interface DaneSection {
  status: 'pending' | 'done';
  /** One entry per MX host whose answer is in, in MX order. */
  hosts: DaneHost[];
  /** One entry per MX host, in MX order, from the moment it is asked. */
  lookups: DaneLookup[];
}

export function newDaneSection(): DaneSection {
  return { status: 'pending', hosts: [], lookups: [] };
}
