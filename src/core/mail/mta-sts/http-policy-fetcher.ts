/**
 * The one way MXray fetches an MTA-STS policy file (RFC 8461 §3.3), for the worker and the CLI
 * alike: over the `fetch` it is given, with no redirects (§3.3: "MUST NOT follow HTTP
 * redirects"), no cookies, a time limit, and a cap on the body, since the server is the
 * domain's, not ours. Permission checks (the extension's) wrap it; they are not its business.
 */
import type { FetchLike } from '../../doh/doh-request';
import { BodyTooLarge, readCappedText } from '../../doh/read-capped-body';
import { MAX_POLICY_BYTES } from './probe-mta-sts';

export interface FetchedPolicy {
  status: number;
  contentType?: string;
  body: string;
}

export function httpPolicyFetcher(fetchImpl: FetchLike, timeoutMs: number): (url: string) => Promise<FetchedPolicy> {
  return async (url) => {
    const response = await fetchImpl(url, { redirect: 'error', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    let body: string;
    try {
      // Read as a stream and stop at the cap: a server that never ends its body costs nothing more.
      body = await readCappedText(response, MAX_POLICY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge)
        throw new Error(`The policy file is larger than a policy needs; MXray stopped reading at ${MAX_POLICY_BYTES} bytes.`, { cause: error });
      throw error;
    }
    const contentType = response.headers.get('content-type');
    return { status: response.status, ...(contentType ? { contentType } : {}), body };
  };
}
