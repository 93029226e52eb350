/**
 * Fetching an MTA-STS policy (RFC 8461 §3.3) from the CLI: HTTPS only, no redirects (§3.3),
 * a time limit, and a cap on the body, since the server belongs to the domain looked up.
 */
const MAX_POLICY_BYTES = 64 * 1024;

export function policyFetcher(timeoutMs: number, fetchImpl: typeof fetch = fetch): (url: string) => Promise<{ status: number; contentType?: string; body: string }> {
  return async (url) => {
    const response = await fetchImpl(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
    if (Number(response.headers.get('content-length')) > MAX_POLICY_BYTES) throw new Error(`The policy file is larger than a policy needs; mxray reads at most ${MAX_POLICY_BYTES} bytes.`);
    const body = await response.text();
    if (body.length > MAX_POLICY_BYTES) throw new Error(`The policy file is ${body.length} bytes; mxray reads at most ${MAX_POLICY_BYTES}.`);
    const contentType = response.headers.get('content-type');
    return { status: response.status, ...(contentType ? { contentType } : {}), body };
  };
}
