export type { DkimKey, DkimSection, DkimSelectorResult } from './types';
export { newDkimSection, probeDkim } from './probe-dkim';
export { dkimFindings } from './dkim-findings';
export { parseDkimKey, isDkimKeyRecord } from './parse-dkim-key';
export { COMMON_DKIM_SELECTORS, MAX_EXTRA_SELECTORS, normaliseSelector } from './selectors';
export { dkimKeyNotes, dkimKeyText, dkimSummaryText } from './dkim-wording';
export { dkimSection } from './dkim-section';
