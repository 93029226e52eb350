/** DNS blocklists (DNSBL, RFC 5782) for the mail server addresses: the `src/core/mail/blocklists` public API. */
export { BLOCKLISTS, blocklistById, blocklistUrl, type BlocklistCode, type BlocklistEntry } from './blocklist-table';
export { addressText, blocklistFindings } from './blocklist-findings';
export { dnsblName, readDnsblAnswer } from './dnsbl-answer';
export { MAX_BLOCKLIST_ADDRESSES, newBlocklistSection, probeBlocklists, type BlocklistAddress } from './probe-blocklists';
export { blocklistStateText } from './state-text';
export type { BlocklistInfo, BlocklistResult, BlocklistSection, BlocklistState, BlocklistTarget, NotCheckedReason } from './types';
export { blocklistsSection } from './blocklists-section';
