/** DANE for the MX hosts (RFC 7672, RFC 7671, RFC 6698): the `src/core/mail/dane` public API. */
export type { DaneHost, DaneLookup, DaneSection, DaneStatus, TlsaRecord } from './types';
export { newDaneSection } from './types';
export { probeDane } from './probe-dane';
export { daneFindings } from './dane-findings';
export { daneStatus, isUsable, rolloverReady, tlsaProblems, tlsaText, type TlsaProblem } from './tlsa-checks';
export { checkCommands, daneGist, lookupText, COMMANDS_TEXT, PORT_25_TEXT, problemText, recordMeaning, recordVerdict, STATUS_TEXT } from './dane-wording';
export { parseTlsaText, tlsaRecordsOf } from './read-tlsa';
export { daneSection } from './dane-section';
