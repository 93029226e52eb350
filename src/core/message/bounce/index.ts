/** Bounces explained (RFC 3464 DSNs, server texts, lone SMTP lines; RFC 3463 codes): the `bounce/` public API. */
export { readBounce, explainBounce, type ReadBounceOptions, type ReadBounceResult, type OtherRecipient } from './read-bounce';
export { describeStatus, statusSentence, parseStatusCode, type StatusMeaning } from './status-codes';
export { detectProvider, providerMeaning, PROVIDER_NAMES, type Provider, type ProviderMeaning } from './provider-texts';
export type { BounceTopic } from './bounce-topic';
