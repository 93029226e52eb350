/**
 * Fetching an MTA-STS policy file from the worker: only with the origin permission the user
 * granted for that domain's `mta-sts.` host (asked for in the popup when they click "Fetch the
 * policy"). Without it the section says the policy is not fetched, and nothing leaves the
 * browser. The fetch itself is the core's (no redirects, no cookies, capped).
 */
import { httpPolicyFetcher } from '../core/mail/mta-sts/http-policy-fetcher';
import type { PolicyFetcher } from '../core/mail/mta-sts';
import { hasOrigin } from '../platform/permissions';

export function policyFetcher(timeoutMs: number): PolicyFetcher {
  const fetchPolicy = httpPolicyFetcher((input, init) => fetch(input, init), timeoutMs);
  return async (url) => ((await hasOrigin(url)) ? fetchPolicy(url) : 'permission-needed');
}
