/** SPF (RFC 7208): the `src/core/mail/spf` public API. */
export { parseSpf, isSpfRecord } from './parse-spf';
export { newSpfSection, probeSpf } from './probe-spf';
export { spfFindings } from './spf-findings';
export { SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT, SPF_MX_HOST_LIMIT } from './limits';
export type {
  SpfSection,
  SpfNode,
  SpfNodeStatus,
  SpfTerm,
  SpfMechanism,
  SpfModifier,
  SpfInvalidTerm,
  SpfTermCheck,
  ParsedSpf,
  SpfQualifier,
  SpfMechanismName,
} from './types';
export { spfSection } from './spf-section';
