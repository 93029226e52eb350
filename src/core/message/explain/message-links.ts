/**
 * The domains a message involves, each a link to its full MXray report: the From domain (its
 * DMARC), every DKIM `d=`, the MAIL FROM domain (its SPF, for the connecting address) and the
 * recipient's (its MX), plus the bounce's own links. One link per kind and domain; a domain in
 * several roles ("From, DKIM signer") is one link that names them all.
 */
import type { BounceExplanation, DkimVerification, LookupLink, SpfVerification } from '../types';

export interface LinkInputs {
  from: string | null;
  dkim: DkimVerification[];
  spf: SpfVerification | null;
  recipient: string | null;
  bounce: BounceExplanation | null;
}

export function messageLinks(inputs: LinkInputs): LookupLink[] {
  const links: LookupLink[] = [];
  const add = (link: LookupLink) => {
    if (!links.some((known) => known.kind === link.kind && known.domain === link.domain && known.ip === link.ip)) links.push(link);
  };
  for (const link of inputs.bounce?.links ?? []) add(link);

  // The mail setup of each domain that speaks for the message, with its roles.
  const roles = new Map<string, string[]>();
  const role = (domain: string | null, name: string) => {
    if (domain) roles.set(domain, [...(roles.get(domain) ?? []), name]);
  };
  role(inputs.from, 'From');
  for (const signature of inputs.dkim) if (!roles.get(signature.domain ?? '')?.includes('DKIM signer')) role(signature.domain, 'DKIM signer');
  for (const [domain, names] of roles) {
    const kind = domain === inputs.from ? 'dmarc' : 'report';
    if (!links.some((known) => known.domain === domain && (known.kind === 'dmarc' || known.kind === 'report')))
      add({ kind, domain, label: `Mail setup of ${domain} (${names.join(', ')})` });
  }
  if (inputs.spf) add({ kind: 'spf', domain: inputs.spf.domain, ip: inputs.spf.ip, label: `SPF of ${inputs.spf.domain} for ${inputs.spf.ip} (MAIL FROM)` });
  if (inputs.recipient) add({ kind: 'mx', domain: inputs.recipient, label: `Mail servers of ${inputs.recipient} (recipient)` });
  return links;
}
