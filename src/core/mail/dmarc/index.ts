export type { DmarcLookup, DmarcPolicy, DmarcPolicyFound, DmarcRecordParse, DmarcReportAuthorization, DmarcSection, DmarcSource, DmarcTags } from './types';
export { newDmarcSection, probeDmarc } from './probe-dmarc';
export { dmarcFindings } from './dmarc-findings';
export { parseDmarc, isDmarcRecord } from './parse-dmarc';
export { treeWalkDomains, choosePolicy } from './tree-walk';
export { dmarcSection } from './dmarc-section';
