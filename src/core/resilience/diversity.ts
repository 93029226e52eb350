/**
 * Would the backups survive the outage they are meant for? Checked on the MX hosts a sender can
 * reach, once every address and network answer is in:
 * - `mx-one-network`: every address in one /24 (IPv4) and one /48 (IPv6);
 * - `mx-one-as`: every address announced by one AS;
 * - `mx-one-country`: every network registered in one country;
 * - `mx-provider-network`: all of it inside one large provider's own network, which is normal;
 * - `mx-networks-spread`: more than one network, so one outage leaves a server.
 * Only the most specific shared failure is reported (one /24 implies one AS, one AS one country).
 */
import type { ReportFacts } from '../routing-checks/check';
import { hostDisplay, listOf } from '../wording';
import { identifyProviders } from '../mail/provider/identify-providers';
import type { Finding } from '../vocabulary';
import { asText, mxNetworks } from './mx-networks';

export function diversityFindings(report: ReportFacts): Finding[] {
  const facts = mxNetworks(report);
  // One host is the single-MX finding's business; several hosts on the same addresses, shared-address's.
  const distinct = new Set(
    facts.hosts.map((host) =>
      host.addresses
        .map((address) => address.ip)
        .sort()
        .join(' '),
    ),
  );
  if (!facts.settled || facts.hosts.length < 2 || distinct.size < 2) return [];
  const hosts = listOf(facts.hosts.map((host) => hostDisplay(host.exchange)));
  const knownAses = !facts.asnOff && !facts.unknownAs;
  const provider = oneProvider(facts.hosts.map((host) => host.exchange.host));
  const asPart = knownAses && facts.ases.length === 1 ? `, in ${asText(facts.ases[0]!)}` : '';

  if (provider && (facts.sites.length === 1 || (knownAses && facts.ases.length === 1))) {
    return [
      {
        code: 'mx-provider-network',
        severity: 'info',
        message:
          `All MX hosts are ${provider}'s own${asPart}${facts.sites.length === 1 ? ` and in one network (${facts.sites[0]})` : ''}. ` +
          `That is normal for a large provider, which builds redundancy inside its own network (several sites, anycast, many servers behind each name); nothing to change here.`,
      },
    ];
  }
  if (facts.sites.length === 1 || (facts.sites.length === 2 && sameSiteEachFamily(facts.sites))) {
    return [
      {
        code: 'mx-one-network',
        severity: 'warn',
        message:
          `Every MX host (${hosts}) is in one network, ${listOf(facts.sites)}${asPart}: one outage there (a router, a link, the data centre) and no MX is reachable. ` +
          `A backup protects most on another network, ideally with another provider; senders queue and retry for days meanwhile (RFC 5321 §4.5.4.1), so this is about delay, not loss.`,
        rfc: 'RFC 5321 §4.5.4.1',
      },
    ];
  }
  if (!knownAses) return [];
  if (facts.ases.length === 1) {
    const as = facts.ases[0]!;
    return [
      {
        code: 'mx-one-as',
        severity: 'warn',
        message:
          `Every MX host (${hosts}) is in one network, ${asText(as)}, across ${facts.sites.length} address blocks: if AS${as.number} has an outage, no MX is reachable. ` +
          `A backup in another AS (another provider) survives that; senders queue and retry for days meanwhile (RFC 5321 §4.5.4.1).`,
        rfc: 'RFC 5321 §4.5.4.1',
      },
    ];
  }
  const ases = listOf(facts.ases.map((as) => `AS${as.number}`));
  if (facts.countries.length === 1) {
    return [
      {
        code: 'mx-one-country',
        severity: 'info',
        message:
          `The MX hosts are on ${facts.ases.length} networks (${ases}), all registered in ${facts.countries[0]}: an outage of one network leaves another, ` +
          `but a country-wide disruption would reach them all. Often a deliberate choice (data stays in one country); the country is the registry's, not a geolocation.`,
      },
    ];
  }
  return [
    {
      code: 'mx-networks-spread',
      severity: 'ok',
      message:
        `The MX hosts are spread over ${facts.ases.length} networks (${ases})${facts.countries.length > 1 ? ` in ${facts.countries.length} countries (${listOf(facts.countries)})` : ''}: ` +
        `an outage of one network leaves another MX to take the mail.`,
    },
  ];
}

/** One /24 and one /48: the IPv4 and IPv6 halves of the same site. */
function sameSiteEachFamily(sites: readonly string[]): boolean {
  return sites.filter((site) => site.includes(':')).length === 1;
}

/** The provider's name when one known provider runs every host. */
function oneProvider(hosts: readonly string[]): string | undefined {
  const matches = identifyProviders(hosts);
  return matches.length === 1 ? matches[0]!.provider?.name : undefined;
}
