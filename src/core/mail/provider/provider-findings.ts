/**
 * What the providers behind the MX hosts mean for a person: who handles the mail, and what a mix
 * of providers usually is (a migration left half done, or a filtering gateway that senders can
 * go around). Pure; the matches come from `identifyProviders` on the MX list, and an empty list
 * (MX not answered yet) says nothing.
 */
import type { Finding } from '../../vocabulary';
import { countOf, listOf, sentences } from '../../wording';
import type { ProviderInfo, ProviderMatch } from './types';

const RFC_MX_ORDER = 'RFC 5321 §5.1';

export function providerFindings(matches: readonly ProviderMatch[], domainDisplay: string): Finding[] {
  const known = matches.filter((match): match is ProviderMatch & { provider: ProviderInfo } => match.provider !== undefined && match.hosts.length > 0);
  const unknownHosts = matches.filter((match) => match.provider === undefined).flatMap((match) => match.hosts);
  if (known.length === 0) return unknownHosts.length === 0 ? [] : [unrecognised(unknownHosts, domainDisplay)];
  if (known.length === 1) {
    const only = known[0]!;
    return [unknownHosts.length === 0 ? identified(only, domainDisplay) : partlyRecognised(only, unknownHosts, domainDisplay)];
  }
  return [mixed(known, unknownHosts, domainDisplay)];
}

/** `aspmx.l.google.com`, `a, b and c`, `a, b and 3 more`. */
export function hostsText(hosts: readonly string[], shown = 2): string {
  if (hosts.length <= shown + 1) return listOf(hosts);
  return `${hosts.slice(0, shown).join(', ')} and ${hosts.length - shown} more`;
}

function kindNote(provider: ProviderInfo): string {
  switch (provider.kind) {
    case 'gateway':
      return `${provider.name} is a filtering gateway: it checks incoming mail for spam and malware, then passes it on to the mailboxes, which may be elsewhere.`;
    case 'forwarding':
      return `${provider.name} only forwards mail: it keeps no mailboxes, and messages end up wherever its forwarding rules send them.`;
    case 'inbound':
      return `${provider.name} receives mail for applications and services, which process it, rather than keeping mailboxes for people.`;
    case 'mailbox':
      return '';
  }
}

function withHosts(match: ProviderMatch & { provider: ProviderInfo }): string {
  return `${match.provider.name} (${hostsText(match.hosts)})`;
}

function identified(match: ProviderMatch & { provider: ProviderInfo }, domain: string): Finding {
  const docs = match.provider.url ? `Its setup guide: ${match.provider.url}` : '';
  return {
    code: 'provider-identified',
    severity: 'info',
    message: sentences(`Mail for ${domain} is handled by ${withHosts(match)}.`, kindNote(match.provider), docs),
  };
}

function unrecognised(hosts: readonly string[], domain: string): Finding {
  return {
    code: 'provider-unrecognised',
    severity: 'info',
    message:
      `MXray does not recognise the provider behind ${hostsText(hosts)} from ${hosts.length === 1 ? 'its name' : 'their names'}. ` +
      `The mail for ${domain} may be handled by the domain's own servers, or by a provider that is not on MXray's list.`,
  };
}

function partlyRecognised(match: ProviderMatch & { provider: ProviderInfo }, unknownHosts: readonly string[], domain: string): Finding {
  const other = hostsText(unknownHosts);
  const gatewayRisk =
    match.provider.kind === 'gateway'
      ? `If ${other} ${unknownHosts.length === 1 ? 'is the server' : 'are the servers'} ${match.provider.name} passes mail on to, listing ${unknownHosts.length === 1 ? 'it' : 'them'} in MX lets senders skip ${match.provider.name}'s filtering: spammers try every MX host.`
      : '';
  return {
    code: 'provider-partly-recognised',
    severity: 'info',
    message: sentences(
      `Some of the mail servers of ${domain} are ${withHosts(match)}; MXray does not recognise ${other}.`,
      `Senders try the servers in order of preference and fall back to the others, so mail can arrive at any of them.`,
      `That is normal for a backup server or a filtering gateway that passes mail on, but if ${other} ${unknownHosts.length === 1 ? 'is an old server' : 'are old servers'} from before a move, mail that reaches ${unknownHosts.length === 1 ? 'it' : 'them'} may never be read.`,
      gatewayRisk,
    ),
    rfc: RFC_MX_ORDER,
  };
}

function mixed(known: ReadonlyArray<ProviderMatch & { provider: ProviderInfo }>, unknownHosts: readonly string[], domain: string): Finding {
  const names = listOf(known.map(withHosts));
  const others = unknownHosts.length > 0 ? ` MX also names ${hostsText(unknownHosts)}, which MXray does not recognise.` : '';
  const gateways = known.filter((match) => match.provider.kind === 'gateway');
  const mailboxes = known.filter((match) => match.provider.kind === 'mailbox');
  if (gateways.length === 1 && mailboxes.length >= 1 && gateways.length + mailboxes.length === known.length) {
    const gateway = gateways[0]!.provider.name;
    const behind = listOf(mailboxes.map((match) => match.provider.name));
    return {
      code: 'provider-gateway-bypass',
      severity: 'warn',
      message:
        `The MX records of ${domain} name both ${gateway}, a filtering gateway, and ${behind}: ${names}.${others} ` +
        `Senders fall back from one MX host to the next, and spammers deliberately try them all, so mail delivered straight to ${behind} skips ${gateway}'s filtering. ` +
        `If ${gateway} is meant to filter all incoming mail, list only ${gateway} in MX and have ${behind} accept mail only from ${gateway}. ` +
        `If you are moving from one to the other, finish the move and remove the old MX records.`,
      rfc: RFC_MX_ORDER,
    };
  }
  return {
    code: 'provider-mixed',
    severity: 'warn',
    message:
      `The MX records of ${domain} point to ${countOf(known.length, 'different provider')}: ${names}.${others} ` +
      `Senders try the lowest preference first and fall back to the others, so mail can land at any of them, ` +
      `and a provider that does not hold a recipient's mailbox bounces the mail or keeps it where nobody reads it. ` +
      `This is most often a move between providers left half done: once it is complete, remove the old provider's MX records. ` +
      `If one of them is a gateway or backup that passes mail on to the other, this is intended.`,
    rfc: RFC_MX_ORDER,
  };
}
