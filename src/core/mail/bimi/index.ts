export type { BimiParse, BimiSection } from './types';
export { newBimiSection, probeBimi } from './probe-bimi';
export { bimiFindings } from './bimi-findings';
export { parseBimi, isBimiRecord } from './parse-bimi';
export { bimiSection } from './bimi-section';
