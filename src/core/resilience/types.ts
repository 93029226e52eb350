/**
 * Where a mail server address sits on the internet (its network, AS, and registry country), and
 * what that means for the MX set as a whole: plain, serialisable data (see `report.ts`).
 */
import type { Finding, Severity } from '../vocabulary';

/**
 * - `pending`: the IP-to-ASN question is in flight;
 * - `ok`: the address is announced, `number` and `prefix` are known;
 * - `none`: no route origin is known for it (NXDOMAIN/NODATA: not announced, or not in the service's data);
 * - `unreadable`: the TXT answer was there but no record could be read;
 * - `error`: the question failed (SERVFAIL, REFUSED, no resolver answered);
 * - `skipped`: not asked, the address is not on the public internet (private, loopback, ...).
 */
export type AsnStatus = 'pending' | 'ok' | 'none' | 'unreadable' | 'error' | 'skipped';

/** The network of one address, from Team Cymru's IP-to-ASN service over DNS. */
export interface AsnInfo {
  status: AsnStatus;
  /** The origin AS (the first one when the prefix has several origins). */
  number?: number;
  /** The AS's name as the service gives it: `EXAMPLE-NET - Example Networks, DE`. */
  name?: string;
  /** The announced prefix the address lies in (the most specific one): `192.0.2.0/24`. */
  prefix?: string;
  /** ISO 3166 country code of the registry allocation (not a geolocation): `DE`. */
  country?: string;
  /** The regional internet registry: `ripencc`, `arin`, `apnic`, `lacnic`, `afrinic`. */
  registry?: string;
  /** Allocation date, `YYYY-MM-DD`, when given. */
  allocated?: string;
  /** Every origin AS of the prefix when more than one announces it (MOAS). */
  origins?: number[];
}

/** One line and its details: does the MX set survive the outage a backup is meant for? */
export interface Resilience {
  /** `pending` while addresses or their networks are still being looked up. */
  status: 'pending' | 'done';
  /** The compact line: `2 networks, 2 countries, backup ready`. */
  summary: string;
  /** Distinct origin ASes, countries and /24 or /48 networks of the usable MX addresses (0 when not known). */
  networks: number;
  countries: number;
  prefixes: number;
  /** The worst of `findings`, and `warn` while the first MX looks like nolisting (its finding is a routing one). */
  severity: Severity;
  /** The network lookups were turned off (settings, `--no-asn`). */
  asnOff: boolean;
  /** How senders will use the set, in plain words, then what may need a look; most severe first. */
  findings: Finding[];
}
