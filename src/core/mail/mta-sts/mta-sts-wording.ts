/** The words of the MTA-STS section, shared by the popup and the CLI. */
import type { AnswerStatus } from '../../vocabulary';
import { mxCoverage } from './mx-coverage';
import type { MtaStsMode, MtaStsPolicy, MtaStsPolicyState, MtaStsSection } from './types';

const failed = (status: AnswerStatus) => (status === 'error' ? 'no resolver answered' : status.toUpperCase());

/** What the TXT lookup found, when there is no record to show; `undefined` when there is one. */
export function mtaStsAbsentText(section: MtaStsSection): string | undefined {
  const name = `_mta-sts.${section.domain}`;
  switch (section.txtStatus) {
    case 'pending':
      return 'Looking up the MTA-STS record…';
    case 'skipped':
      return 'Not looked up.';
    case 'servfail':
    case 'refused':
    case 'error':
      return `The lookup of ${name} failed (${failed(section.txtStatus)}).`;
    default:
      return section.records.length === 0 ? `No MTA-STS record at ${name}.` : undefined;
  }
}

/** One sentence on the policy fetch; `undefined` when there is nothing to say. */
export function policyStateText(state: MtaStsPolicyState): string | undefined {
  switch (state.state) {
    case 'not-fetched':
      return undefined;
    case 'fetching':
      return `Fetching ${state.url}…`;
    case 'permission-needed':
      return `The policy at ${state.url} was not fetched: that needs your permission.`;
    case 'ok':
      return `Policy at ${state.url}:`;
    case 'http-error':
      return `${state.url} answered HTTP ${state.httpStatus}.`;
    case 'bad-content-type':
      return `${state.url} is served as ${state.contentType ?? 'no content type'}, not text/plain:`;
    case 'parse-error':
      return `The policy at ${state.url} has errors:`;
    case 'fetch-failed':
      return `${state.url} could not be fetched: ${state.message}`;
  }
}

/** The policy's meaning as label/value rows. */
export function policyRows(policy: MtaStsPolicy): [string, string][] {
  const rows: [string, string][] = [];
  if (policy.mode) rows.push(['Mode', `${policy.mode}: ${MODE_MEANING[policy.mode]}`]);
  if (policy.maxAge !== undefined) rows.push(['Cached for', `${policy.maxAge} s${policy.maxAge >= 86400 ? ` (${daysText(policy.maxAge)})` : ''}`]);
  rows.push(['MX patterns', policy.mx.length > 0 ? policy.mx.join(', ') : 'none']);
  return rows;
}

/** RFC 8461 §5, in words. */
const MODE_MEANING: Record<MtaStsMode, string> = {
  enforce: 'senders deliver only over TLS to a listed MX host with a valid certificate',
  testing: 'senders report TLS failures but still deliver (no protection yet)',
  none: 'senders forget the policy (MTA-STS being retired)',
};

/**
 * Each MX host and the pattern that covers it, then each pattern no MX host matches, as
 * label/value rows; none until the MX hosts are known, or for mode none.
 */
export function coverageRows(policy: MtaStsPolicy, mxHosts: readonly string[]): [string, string][] {
  if (policy.mode === 'none') return [];
  const coverage = mxCoverage(policy.mx, mxHosts);
  if (coverage.hosts.length === 0) return [];
  return [
    ...coverage.hosts.map(({ host, pattern }): [string, string] => [host, pattern === undefined ? 'not covered by any mx: line' : `covered by mx: ${pattern}`]),
    ...coverage.stale.map((pattern): [string, string] => [`mx: ${pattern}`, 'stale: matches no MX host']),
  ];
}

/** The policy, when the fetch gave one to show. */
export function shownPolicy(state: MtaStsPolicyState): { policy: MtaStsPolicy; body: string } | undefined {
  return state.state === 'ok' || state.state === 'bad-content-type' || state.state === 'parse-error' ? { policy: state.policy, body: state.body } : undefined;
}

/** `1 day`, `7 days`, `1.5 days`. */
function daysText(seconds: number): string {
  const days = Math.round((seconds / 86400) * 10) / 10;
  return `${days} day${days === 1 ? '' : 's'}`;
}
