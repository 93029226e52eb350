/**
 * Stage 2 of the lookup plan, its reading side: an exchange's A or AAAA answer becomes its
 * addresses (canonical, each once, in address order), each address's PTR is asked at once
 * (ptr-stage.ts), and its network (ASN) once the routing report is complete. The same reading
 * serves the implicit MX (mx-stage.ts), whose addresses were asked in stage 1.
 */
import { readAnswer } from '../doh/read-answer';
import { compareIps } from '../ip/compare-ips';
import { recordHostAnswer } from '../mail/dnssec/record-dnssec';
import type { Exchange } from '../report';
import { addressAnswer, probeAsn } from '../resilience/probe-asn';
import { addressesOf, newAddress } from './addresses';
import type { Outcome } from './ask-tracker';
import { exchangeState } from './exchanges';
import { trackedAsk } from './tracked-ask';
import type { PlanContext } from './plan-context';
import { askPtr } from './ptr-stage';
import { notAsked } from './work-budget';

export function applyAddresses(plan: PlanContext, exchange: Exchange, type: 'A' | 'AAAA', outcome: Outcome): void {
  plan.watcher?.hostAnswer(exchange.host, type, outcome);
  if (!outcome.answer) {
    // A question the bounds left out was never asked (skipped); one no resolver answered is an error.
    exchange.addressStatus[type] = notAsked(outcome.error) ? 'skipped' : 'error';
    exchange.errors.push(outcome.error);
  } else {
    const read = readAnswer(outcome.answer, type);
    exchange.addressStatus[type] = read.status;
    // The host is an alias: the report names the chain (RFC 2181 §10.3 says an MX must not be one).
    if (read.cname.length > 0) exchange.cname = read.cname;
    if (plan.draft.mail) recordHostAnswer(plan.draft.mail.dnssec, exchange.host, type, read.status, outcome.answer.authenticated);
    for (const { ip, family, ttl } of addressesOf(read.records)) {
      if (exchange.addresses.some((a) => a.ip === ip) || !plan.budget.keepAddress(exchange)) continue;
      const address = newAddress(ip, family, ttl, plan.ptr);
      exchange.addresses.push(address);
      askPtr(plan, address, outcome.depth);
      if (plan.asn) {
        // Its network: once the routing report is complete, so never before the mail servers.
        plan.afterRouting.run(() => probeAsn(address, trackedAsk(plan.tracker, plan.draft), addressAnswer(address.ip, address.family, outcome.depth)));
      }
    }
    exchange.addresses.sort((a, b) => compareIps(a.ip, b.ip));
  }
  exchange.state = exchangeState(exchange);
}
