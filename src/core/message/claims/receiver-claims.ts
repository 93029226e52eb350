/**
 * What the receiving side said it checked, to set beside what MXray verifies. The receiver adds
 * its Authentication-Results on top (RFC 8601 §5), so the topmost one is its own; fields further
 * down were added on the way, or forged by the sender, and are not its word. Without one, the
 * last intermediary's ARC-Authentication-Results (the highest `i=`) is the nearest claim, and
 * Received-SPF (RFC 7208 §9.1) fills in SPF when Authentication-Results has none.
 */
import type { ParsedMessage, ReceiverClaims } from '../types';
import { parseArcAuthenticationResults, parseAuthenticationResults, type AuthResultEntry, type AuthResults } from './auth-results';
import { parseReceivedSpf } from './received-spf';

/** RFC 8617 §4.2.1: instances run from 1 to 50; more fields than that are not a real chain. */
const MAX_ARC_FIELDS = 50;

export function receiverClaims(message: ParsedMessage): ReceiverClaims {
  const field = message.headers.find((header) => header.key === 'authentication-results');
  let claims: ReceiverClaims;
  if (field !== undefined) {
    claims = claimsOf(parseAuthenticationResults(field.value), 'Authentication-Results');
  } else {
    const arc = [...arcAuthResults(message)].sort(([a], [b]) => b - a)[0];
    claims = arc ? arc[1] : { dkim: null, spf: null, dmarc: null, authservId: null, source: null, properties: {} };
  }
  return claims.spf === null ? withReceivedSpf(message, claims) : claims;
}

/** Each ARC set's ARC-Authentication-Results, read, by instance; the topmost field of an instance counts. */
export function arcAuthResults(message: ParsedMessage): Map<number, ReceiverClaims> {
  const sets = new Map<number, ReceiverClaims>();
  const fields = message.headers.filter((header) => header.key === 'arc-authentication-results').slice(0, MAX_ARC_FIELDS);
  for (const field of fields) {
    const { instance, results } = parseArcAuthenticationResults(field.value);
    if (instance !== null && !sets.has(instance)) sets.set(instance, claimsOf(results, `ARC-Authentication-Results i=${instance}`));
  }
  return sets;
}

/**
 * The dkim, spf and dmarc words of one field. With several DKIM results (one per signature) any
 * pass is the claim: one aligned passing signature is what DMARC needs (RFC 7489 §4.2).
 */
export function claimsOf(parsed: AuthResults, source: string): ReceiverClaims {
  const dkimEntries = parsed.results.filter((entry) => entry.method === 'dkim');
  const dkim = dkimEntries.find((entry) => entry.result === 'pass') ?? dkimEntries[0];
  const spf = parsed.results.find((entry) => entry.method === 'spf');
  const dmarc = parsed.results.find((entry) => entry.method === 'dmarc');
  // The properties of the results that are read first, then the rest (iprev's smtp.remote-ip...).
  const ordered = [spf, dmarc, dkim, ...parsed.results].filter((entry): entry is AuthResultEntry => entry !== undefined);
  const properties: Record<string, string> = {};
  for (const entry of ordered) {
    for (const [name, value] of Object.entries(entry.properties)) if (!Object.hasOwn(properties, name)) properties[name] = value;
  }
  return { dkim: dkim?.result ?? null, spf: spf?.result ?? null, dmarc: dmarc?.result ?? null, authservId: parsed.authservId, source, properties };
}

/** SPF from the topmost Received-SPF, its inputs under the Authentication-Results property names. */
function withReceivedSpf(message: ParsedMessage, claims: ReceiverClaims): ReceiverClaims {
  const field = message.headers.find((header) => header.key === 'received-spf');
  if (field === undefined) return claims;
  const spf = parseReceivedSpf(field.value);
  if (spf.result === null) return claims;
  const properties = { ...claims.properties };
  const names: [string, string][] = [
    ['envelope-from', 'smtp.mailfrom'],
    ['helo', 'smtp.helo'],
    ['client-ip', 'smtp.remote-ip'],
  ];
  for (const [pair, property] of names) {
    const value = spf.pairs[pair];
    if (value !== undefined && !Object.hasOwn(properties, property)) properties[property] = value;
  }
  return { ...claims, spf: spf.result, source: claims.source ?? 'Received-SPF', properties };
}
