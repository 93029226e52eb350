/** The processing limits of RFC 7208 §4.6.4, and how far past them MXray keeps counting. */

/** DNS-querying terms (include, a, mx, ptr, exists, redirect) across the whole evaluation. */
export const SPF_LOOKUP_LIMIT = 10;
/** Lookups that come back NODATA or NXDOMAIN. */
export const SPF_VOID_LIMIT = 2;
/** MX hosts an mx mechanism may name. */
export const SPF_MX_HOST_LIMIT = 10;
/** Questions are asked only while the count is at most this: the limit, plus room to say by how much it is passed. */
export const FOLLOW_BUDGET = 30;
/** Include and redirect levels followed below the domain's own record. */
export const MAX_DEPTH = 20;
