/** What a caller may ask of one lookup (lookup-mail.ts). */
import type { PriorAnswers } from '../doh/doh-client';
import type { Report } from '../report';
import type { DiagnosticsOptions } from '../mail/mail-diagnostics';
import type { WorkBounds } from './work-budget';

export interface LookupOptions {
  /** Ask PTR for every address (default true). */
  ptr?: boolean;
  /** Forward-confirm each PTR name (default true; needs `ptr`). */
  fcrdns?: boolean;
  /**
   * Ask the name's TXT and `_dmarc` TXT in stage 1 (default true: the report's SPF and DMARC
   * lines). A routing-only bulk run turns it off (core/bulk/run-bulk.ts): its verdicts need MX
   * and addresses only, and these were 2 of its 5 requests a domain.
   */
  txt?: boolean;
  /**
   * When to ask the name's own A and AAAA, which only an implicit MX (RFC 5321 §5.1: no MX
   * records) needs: `with-mx` (default), beside the MX question, so a domain without MX costs no
   * extra round trip; `after-nodata`, only once the MX answer is NODATA. A bulk run takes the
   * second (src/shared/lookup-options-from.ts): nearly every domain of a list has MX, and these
   * were 2 of its 3 requests a domain; one without MX then costs one more round trip.
   */
  nameAddresses?: 'with-mx' | 'after-nodata';
  signal?: AbortSignal;
  /** Called with a fresh snapshot whenever answers have landed. */
  onUpdate?: (report: Report) => void;
  /** Milliseconds clock (elapsed time in the report). */
  now?: () => number;
  /**
   * The mail diagnostics (SPF, DMARC, DKIM, MTA-STS, DANE, TLS-RPT, BIMI, DNSSEC, provider, and
   * blocklists when asked) in `report.mail`; none when left out. They start once the routing
   * report is settled (after-routing.ts), so the routing never waits behind their answers.
   */
  diagnostics?: DiagnosticsOptions;
  /**
   * The network (AS, prefix, country) of every mail server address, asked over DNS through the
   * same client once the address is known (src/core/resilience). Off unless asked: the shells
   * turn it on from their settings (on by default there), so the engine's own counts stay the routing's.
   */
  asn?: boolean;
  /**
   * Answers known elsewhere, looked for after the cache and before the resolvers: in the worker,
   * the answers the page that asked this lookup is getting itself (core/doh/relayed-answers.ts).
   */
  prior?: PriorAnswers;
  /** Bounds on the work of this lookup (default `DEFAULT_WORK_BOUNDS`, see work-budget.ts). */
  bounds?: Partial<WorkBounds>;
}
