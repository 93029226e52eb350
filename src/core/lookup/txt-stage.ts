/**
 * Stage 1 of the lookup plan, the TXT side: the name's TXT (its SPF record, RFC 7208 §4.5) and
 * `_dmarc.<name>` TXT (its DMARC record, RFC 9989), asked beside the MX question so the report's
 * SPF and DMARC lines cost no round trip of their own. They are read with the mail sections' own
 * recognisers, so "is this an SPF record" has one answer in MXray. A routing-only run (bulk)
 * asks neither (`LookupOptions.txt`).
 */
import { isQueryableName } from '../dns/message';
import { txtValues } from '../doh/read-answer';
import { isDmarcRecord } from '../mail/dmarc/parse-dmarc';
import { recordDomainAnswer } from '../mail/dnssec/record-dnssec';
import { isSpfRecord } from '../mail/spf/parse-spf';
import type { Outcome } from './ask-tracker';
import type { PlanContext } from './plan-context';

export function askTxt(plan: PlanContext, wanted: boolean): void {
  const { draft, query, tracker } = plan;
  const dmarcName = `_dmarc.${query.name}`;
  if (!wanted) Object.assign(draft.txt, { status: 'skipped', dmarcStatus: 'skipped' });
  else tracker.ask(query.name, 'TXT', 0, (outcome) => onTxt(plan, outcome));
  // A name near the 255-octet limit has no room for the `_dmarc` label: that one is not asked.
  if (wanted && isQueryableName(dmarcName)) tracker.ask(dmarcName, 'TXT', 0, (outcome) => onDmarc(plan, outcome));
  else draft.txt.dmarcStatus = 'skipped';
}

function onTxt(plan: PlanContext, outcome: Outcome): void {
  const { draft, query } = plan;
  const txt = draft.txt;
  if (!outcome.answer) {
    txt.status = 'error';
    return;
  }
  const { status, values } = txtValues(outcome.answer);
  txt.status = status;
  txt.records = values;
  txt.spf = values.filter(isSpfRecord);
  if (draft.mail) recordDomainAnswer(draft.mail.dnssec, 'txt', query.name, status, outcome.answer.authenticated);
}

function onDmarc(plan: PlanContext, outcome: Outcome): void {
  const txt = plan.draft.txt;
  if (!outcome.answer) {
    txt.dmarcStatus = 'error';
    return;
  }
  const { status, values } = txtValues(outcome.answer);
  txt.dmarcStatus = status;
  txt.dmarc = values.filter(isDmarcRecord);
}
