/** DNSSEC as a DoH client sees it: the `src/core/mail/dnssec` public API. */
export type { DnssecSection, ValidatedAnswer } from './types';
export { newDnssecSection } from './types';
export { dnssecFindings } from './dnssec-findings';
export { validationText } from './dnssec-wording';
export { finishDnssec, recordDomainAnswer, recordHostAnswer } from './record-dnssec';
export { dnssecSection } from './dnssec-section';
