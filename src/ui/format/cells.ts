/**
 * The words in the mail server table, as pure functions so the table, the plain-text copy and
 * the tests say exactly the same thing (docs/ui.md fixes some of them: FCrDNS `pass`, `fail`,
 * `no PTR`, `…`, `off`; rows without address "does not exist", "no address", ...).
 */
import type { Address, AnswerStatus, Exchange, Fcrdns, Report, Severity } from '../../core/report';

/** Why an exchange has no address row of its own. */
export function unresolvedText(exchange: Exchange): string {
  switch (exchange.state) {
    case 'null':
      return 'null MX: accepts no mail';
    case 'nxdomain':
      return 'does not exist';
    case 'no-address':
      return 'no address';
    case 'ip-literal':
      return 'IP literal';
    case 'pending':
      return 'resolving…';
    case 'resolved':
      return '';
    case 'error':
      return `lookup failed (${failedStatus(exchange.addressStatus.A, exchange.addressStatus.AAAA)})`;
  }
}

function failedStatus(a: AnswerStatus, aaaa: AnswerStatus): string {
  const failed = [a, aaaa].find((status) => status === 'servfail' || status === 'refused' || status === 'error') ?? a;
  return failed === 'error' ? 'no resolver answered' : failed.toUpperCase();
}

/** The PTR cell when there is no name to show; `undefined` when there are names. */
export function ptrStatusText(address: Address): string | undefined {
  if (address.ptr.length > 0) return undefined;
  switch (address.ptrStatus) {
    case 'pending':
      return '…';
    case 'skipped':
      return 'off';
    case 'nxdomain':
    case 'nodata':
    case 'ok':
      return 'none';
    case 'error':
      return 'lookup failed';
    default:
      return `lookup failed (${address.ptrStatus.toUpperCase()})`;
  }
}

const FCRDNS_TEXT: Record<Fcrdns, string> = { pass: 'pass', fail: 'fail', none: 'no PTR', pending: '…', skipped: 'off' };

export function fcrdnsText(fcrdns: Fcrdns): string {
  return FCRDNS_TEXT[fcrdns];
}

const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warn: 'Warning', info: 'Info', ok: 'OK' };

export function severityWord(severity: Severity): string {
  return SEVERITY_WORD[severity];
}

/** `300 s` is noise in a narrow column: TTLs are shown as bare seconds, like dig. */
export function ttlText(ttl: number | undefined): string {
  return ttl === undefined || ttl <= 0 ? '' : String(ttl);
}

/**
 * What to say where the table would be when there is no mail server row at all. A failed lookup
 * (SERVFAIL, REFUSED, no answer) gets nothing here: the alert says it, once.
 */
export function noMailServersText(report: Report): string | undefined {
  if (report.exchanges.length > 0) return undefined;
  switch (report.mxStatus) {
    case 'nxdomain':
      return `No mail servers: ${report.query.display} does not exist (NXDOMAIN).`;
    case 'nodata': {
      const { A, AAAA } = report.hostStatus;
      if (A === 'pending' || AAAA === 'pending') return 'No MX records; checking the domain’s own address…';
      return 'No mail servers: no MX records, and no address to use instead.';
    }
    case 'ok':
      return 'No mail servers in the MX answer.';
    default:
      return undefined;
  }
}
