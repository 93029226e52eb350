export type { PolicyFetcher, MtaStsMode, MtaStsPolicy, MtaStsPolicyState, MtaStsRecordParse, MtaStsSection } from './types';
export { newMtaStsSection, probeMtaSts, fetchMtaStsPolicy, policyUrl, MAX_POLICY_BYTES } from './probe-mta-sts';
export { mtaStsFindings } from './mta-sts-findings';
export { parseMtaStsRecord, parseMtaStsPolicy, isMtaStsRecord, MAX_POLICY_AGE } from './parse-mta-sts';
export { mxCoverage, mxMatchesPattern, mxMatchesPolicy, type MxCoverage, type MxHostCoverage } from './mx-coverage';
export { mtaStsSection } from './mta-sts-section';
