/** check_host() (RFC 7208): the `src/core/mail/spf/check-host` public API. */
export { checkHost, checkSpf, BadSpfInput, type CheckHostOptions, type SpfCheckRequest } from './check-host';
export { clientAsk } from './client-ask';
export { parseSendingIp, type SendingIp, type SendingIpResult } from './sending-ip';
export { spfIdentity } from './sender-identity';
export { expandMacros, type MacroValues } from './macro-expand';
export { checkSentence, resultWords } from './check-wording';
export type { SpfCheck, SpfResult, SpfProblem, SpfStep, SpfTermLog, AuthorizedSenders, AuthorizedRange, UnflattenableName, SpfIdentity } from './types';
