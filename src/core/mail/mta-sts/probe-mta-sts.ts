/**
 * MTA-STS discovery (RFC 8461 §3): the `_mta-sts` TXT record, then, when there is one and the
 * caller can fetch, the policy at `https://mta-sts.<domain>/.well-known/mta-sts.txt` (§3.3).
 * Fetching is injected: the extension needs the user's permission for that host first, and
 * src/core has no fetch of its own.
 */
import { askRecords } from '../ask-records';
import type { ProbeContext } from '../probe-context';
import { isMtaStsRecord, parseMtaStsPolicy, parseMtaStsRecord } from './parse-mta-sts';
import type { PolicyFetcher, MtaStsPolicyState, MtaStsSection } from './types';

/** The policy file is read up to this size; real ones are a few hundred bytes. */
export const MAX_POLICY_BYTES = 64 * 1024;

export function newMtaStsSection(): MtaStsSection {
  return { status: 'pending', domain: '', txtStatus: 'pending', records: [], policy: { state: 'not-fetched' } };
}

export function policyUrl(domain: string): string {
  return `https://mta-sts.${domain}/.well-known/mta-sts.txt`;
}

/**
 * Fill `section`; resolves when done. Never rejects. `fetchPolicy` gets the policy URL and
 * returns the HTTP status, Content-Type and body, or `'permission-needed'`; it must not follow
 * redirects (§3.3). Without it, the policy stays `not-fetched`.
 */
export async function probeMtaSts(section: MtaStsSection, context: ProbeContext, fetchPolicy?: PolicyFetcher): Promise<void> {
  section.domain = context.domain;
  const { status, records } = await askRecords(context, `_mta-sts.${context.domain}`, isMtaStsRecord);
  section.txtStatus = status;
  section.records = records;
  if (records.length === 1) section.record = parseMtaStsRecord(records[0]!);
  // Fetched even when the record is broken or doubled: senders would skip the policy, but the
  // person fixing it wants to see the file too.
  if (section.records.length > 0 && fetchPolicy && !context.signal?.aborted) await fetchInto(section, fetchPolicy);
  section.status = 'done';
}

/** Fetch (or fetch again, after the user granted permission) and read the policy into `section`. */
export async function fetchMtaStsPolicy(section: MtaStsSection, fetchPolicy: PolicyFetcher): Promise<void> {
  await fetchInto(section, fetchPolicy);
}

async function fetchInto(section: MtaStsSection, fetchPolicy: PolicyFetcher): Promise<void> {
  const url = policyUrl(section.domain);
  section.policy = { state: 'fetching', url };
  section.policy = await readPolicy(url, fetchPolicy);
}

async function readPolicy(url: string, fetchPolicy: PolicyFetcher): Promise<MtaStsPolicyState> {
  let response: Awaited<ReturnType<PolicyFetcher>>;
  try {
    response = await fetchPolicy(url);
  } catch (error) {
    return { state: 'fetch-failed', url, message: error instanceof Error ? error.message : String(error) };
  }
  if (response === 'permission-needed') return { state: 'permission-needed', url };
  // §3.3: only a 200 counts; redirects must not be followed.
  if (response.status !== 200) return { state: 'http-error', url, httpStatus: response.status };
  const body = response.body.slice(0, MAX_POLICY_BYTES);
  const policy = parseMtaStsPolicy(body);
  const mediaType = response.contentType?.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'text/plain')
    return { state: 'bad-content-type', url, ...(response.contentType !== undefined ? { contentType: response.contentType } : {}), policy, body };
  if (policy.errors.length > 0) return { state: 'parse-error', url, policy, body };
  return { state: 'ok', url, policy, body };
}
