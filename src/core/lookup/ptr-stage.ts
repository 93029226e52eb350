/**
 * Stages 3 and 4 of the lookup plan: the moment an address lands, its PTR; the moment a PTR
 * lands, the forward lookup (A or AAAA, the address's own family) of each PTR name, so the
 * report can say whether the name confirms the address (FCrDNS: a PTR name whose forward
 * lookup gives the address back). Many receivers refuse or score down a sending address that
 * does not confirm; for an MX host it is the first thing a reader of a bounce checks.
 */
import { isQueryableName } from '../dns/message';
import { minTtl, readAnswer } from '../doh/read-answer';
import { buildPtrName } from '../ip/ptr-name';
import type { Address } from '../report';
import { hostNameProblem } from '../routing-checks/hostname-syntax';
import { addressesOf, fcrdnsOf, MAX_PTR_NAMES, ptrNamesOf } from './addresses';
import type { Outcome } from './ask-tracker';
import type { PlanContext } from './plan-context';
import { notAsked } from './work-budget';

/** Stage 3: the PTR of an address, counted from the answer that brought the address. */
export function askPtr(plan: PlanContext, address: Address, depth: number): void {
  if (!plan.ptr) return;
  plan.tracker.ask(buildPtrName(address.ip), 'PTR', depth, (outcome) => onPtr(plan, address, outcome));
}

function onPtr(plan: PlanContext, address: Address, outcome: Outcome): void {
  if (!outcome.answer) {
    address.ptrStatus = notAsked(outcome.error) ? 'skipped' : 'error';
    address.fcrdns = notAsked(outcome.error) ? 'skipped' : 'none';
    return;
  }
  // PTR answers may come through CNAMEs (RFC 2317 classless reverse delegation).
  const read = readAnswer(outcome.answer, 'PTR');
  address.ptrStatus = read.status;
  // An address given alone (an IP query) has no TTL of its own: it takes its PTR's.
  address.ttl ||= minTtl(read.records) ?? 0;
  address.ptr = ptrNamesOf(read.records, plan.fcrdns);
  if (address.ptr.length === 0) {
    address.fcrdns = 'none';
    return;
  }
  if (!plan.fcrdns) {
    address.fcrdns = 'skipped';
    return;
  }
  askForward(plan, address, outcome.depth);
  address.fcrdns = fcrdnsOf(address);
}

/** Stage 4: each PTR name's forward lookup, at most `MAX_PTR_NAMES` of them (a PTR RRset can be huge). */
function askForward(plan: PlanContext, address: Address, depth: number): void {
  const type = address.family === 4 ? 'A' : 'AAAA';
  address.ptr.forEach((ptrName, index) => {
    // A name that is not a host name (ESC, U+202E, a space...) can never confirm, whatever its A says.
    if (index >= MAX_PTR_NAMES || !isQueryableName(ptrName.name) || hostNameProblem(ptrName.name) !== undefined) {
      ptrName.forwardStatus = 'skipped';
      return;
    }
    plan.tracker.ask(ptrName.name, type, depth, (forward) => {
      const read = forward.answer ? readAnswer(forward.answer, type) : undefined;
      // A forward question that failed is an error, one the bounds left out is skipped: neither confirms.
      ptrName.forwardStatus = read?.status ?? (notAsked(forward.error) ? 'skipped' : 'error');
      ptrName.forward = addressesOf(read?.records ?? []).map((a) => a.ip);
      address.fcrdns = fcrdnsOf(address);
    });
  });
}
