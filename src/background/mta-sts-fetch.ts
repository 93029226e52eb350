/**
 * Fetching an MTA-STS policy file (RFC 8461 §3.3) from the worker. Only with the origin
 * permission the user granted for that domain's `mta-sts.` host (asked for in the popup when
 * they click "Fetch the policy"): without it the section says the policy is not fetched, and
 * nothing leaves the browser. Redirects are refused (§3.3: "MUST NOT follow HTTP redirects"),
 * no cookies go along, and the body is capped, since the server is the domain's, not ours.
 */
import { hasOrigin } from '../platform/permissions';

/** Policies are a few hundred bytes; 64 KB is far more than any real one. */
const MAX_POLICY_BYTES = 64 * 1024;

export type FetchedPolicy = { status: number; contentType?: string; body: string } | 'permission-needed';

export function policyFetcher(timeoutMs: number): (url: string) => Promise<FetchedPolicy> {
  return async (url) => {
    if (!(await hasOrigin(url))) return 'permission-needed';
    const response = await fetch(url, { redirect: 'error', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    if (Number(response.headers.get('content-length')) > MAX_POLICY_BYTES) throw new Error(`The policy file is larger than a policy needs; MXray reads at most ${MAX_POLICY_BYTES} bytes.`);
    const text = await response.text();
    if (text.length > MAX_POLICY_BYTES) throw new Error(`The policy file is ${text.length} bytes, far more than a policy needs; MXray reads at most ${MAX_POLICY_BYTES}.`);
    const contentType = response.headers.get('content-type');
    return { status: response.status, ...(contentType ? { contentType } : {}), body: text };
  };
}
