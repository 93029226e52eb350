export type { TlsRptParse, TlsRptSection } from './types';
export { newTlsRptSection, probeTlsRpt } from './probe-tls-rpt';
export { tlsRptFindings } from './tls-rpt-findings';
export { parseTlsRpt, isTlsRptRecord } from './parse-tls-rpt';
export { tlsRptSection } from './tls-rpt-section';
