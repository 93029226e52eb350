export { assessResilience } from './assess-resilience';
export { asNameName, originName, ASN_ZONE } from './asn-names';
export { addressAnswer, asnApplies, newAsnInfo, probeAsn } from './probe-asn';
export { parseOriginRecord, pickAsName, pickOrigin } from './parse-asn';
export type { AsnInfo, AsnStatus, Resilience } from './types';
export { asHandle, asLabel, networkText } from './network-text';
