/**
 * How far a lookup's routing report (MX, addresses, PTR, forward confirmation) has come: what
 * the first answering snapshot waits for, and what the mail diagnostics wait for (issue 12,
 * section 6: the checks never slow the route).
 */
import type { Report } from '../report';

/** The MX answer is in, and for a domain without MX, whether it has an implicit one. */
export function mailAnswerKnown(draft: Report): boolean {
  if (draft.mxStatus === 'pending') return false;
  if (draft.mxStatus !== 'nodata' || draft.exchanges.length > 0) return true;
  return draft.hostStatus.A !== 'pending' && draft.hostStatus.AAAA !== 'pending';
}

/** Every routing question is answered: each mail host's addresses, their PTR and its forward check. */
export function routingSettled(draft: Report): boolean {
  if (!mailAnswerKnown(draft)) return false;
  return draft.exchanges.every(
    (exchange) =>
      exchange.addressStatus.A !== 'pending' &&
      exchange.addressStatus.AAAA !== 'pending' &&
      exchange.addresses.every((address) => address.ptrStatus !== 'pending' && address.fcrdns !== 'pending'),
  );
}
