/** IP address text, reverse names and special-purpose ranges: the `src/core/ip` public API. */
export { parseIp, parseIpBytes, formatIpBytes, type ParsedIp, type IpBytes, type IpFamily } from './parse-ip';
export { buildPtrName, parsePtrName } from './ptr-name';
export { classifyAddress, type AddressClass } from './classify-address';
export { SPECIAL_RANGES, type SpecialRange, type SpecialRangeKind } from './special-ranges';
