/**
 * The domains a message involves, each a link to its full MXray report: the From domain (its
 * DMARC), every DKIM `d=`, the MAIL FROM domain (its SPF) and the recipient's (its MX), plus
 * the bounce's own links. One link per kind and domain, in that order.
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
  if (inputs.from) add({ kind: 'dmarc', domain: inputs.from, label: `Mail setup of ${inputs.from} (From), its DMARC` });
  for (const signature of inputs.dkim)
    if (signature.domain) add({ kind: 'report', domain: signature.domain, label: `Mail setup of ${signature.domain} (DKIM signer)` });
  if (inputs.spf) add({ kind: 'spf', domain: inputs.spf.domain, ip: inputs.spf.ip, label: `SPF of ${inputs.spf.domain} for ${inputs.spf.ip} (MAIL FROM)` });
  if (inputs.recipient) add({ kind: 'mx', domain: inputs.recipient, label: `Mail servers of ${inputs.recipient} (recipient)` });
  return links;
}
