export type { DkimDomainkeyProbe, DkimKey, DkimSearchOutcome, DkimSection, DkimSelectorResult } from './types';
export { dkimSearchOutcome, hasDkimWildcard, isWildcardCopy, selectorsWithKeys, WILDCARD_PROBE_SELECTOR } from './domainkey';
export { newDkimSection, probeDkim } from './probe-dkim';
export { dkimFindings } from './dkim-findings';
export { parseDkimKey, isDkimKeyRecord } from './parse-dkim-key';
export { COMMON_DKIM_SELECTORS, MAX_EXTRA_SELECTORS, normaliseSelector } from './selectors';
export { dkimKeyNotes, dkimKeyText, dkimOutcomeText, dkimSummaryText } from './dkim-wording';
export { dkimSection } from './dkim-section';
