/** The `Query` objects themselves, built in one place so every route fills the same fields. */
import type { Query } from '../vocabulary';
import { buildPtrName } from '../ip/ptr-name';
import type { ParsedIp } from '../ip/parse-ip';
import type { NormalisedDomain } from './normalise-domain';

export function domainQuery(input: string, domain: NormalisedDomain): Query {
  return { kind: 'domain', input, ...nameFields(domain) };
}

/** `local` exactly as given (RFC 5321 §2.4: only the receiving host may interpret it). */
export function emailQuery(input: string, local: string, domain: NormalisedDomain): Query {
  return { kind: 'email', input, ...nameFields(domain), email: `${local}@${domain.name}` };
}

/**
 * An address query. `email` is set for an address literal (`user@[192.0.2.1]`): mail for it goes
 * straight to that address (RFC 5321 §5.1 has nothing to look up), so its reverse DNS is what
 * there is to see.
 */
export function ipQuery(input: string, ip: ParsedIp, email?: string): Query {
  return {
    kind: 'ip',
    input,
    name: ip.ip,
    display: ip.ip,
    family: ip.family,
    ptrName: buildPtrName(ip.ip),
    ...(email === undefined ? {} : { email }),
  };
}

function nameFields(domain: NormalisedDomain): Pick<Query, 'name' | 'display' | 'registrable'> {
  return {
    name: domain.name,
    display: domain.display,
    ...(domain.registrable === undefined ? {} : { registrable: domain.registrable }),
  };
}
