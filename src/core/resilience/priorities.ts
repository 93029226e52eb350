/**
 * What the preferences do, in plain words, and the patterns that undo a backup's point:
 * - `mx-priorities`: "mx1 and mx2 share the load; mx3 (20) is used only when both are down";
 * - `mx-backup-same-preference`: a host named as a backup, at the primary's preference, so it
 *   takes its share of all the mail;
 * - `mx-third-party-backup`: a backup run by another organisation below the domain's own
 *   primary (a relay or filter that often cannot tell real recipients from made-up ones);
 * - `mx-preference-gap`: a jump such as 10 to 1000 that may be a typo (only the order matters).
 * A backup, a third party and big numbers are choices; only the misleading backup is a warning.
 */
import type { ReportFacts } from '../routing-checks/check';
import { exchangeUsability } from '../routing-checks/usability';
import { domainDisplay, hostDisplay, listOf } from '../wording';
import { identifyProviders } from '../mail/provider/identify-providers';
import { findRegistrableDomain } from '../query/registrable-domain';
import type { Exchange } from '../report';
import type { Finding } from '../vocabulary';
import { preferenceGroups, type PreferenceGroup } from './preference-groups';

/** Words people use in a host name meant as a backup: `backup-mx`, `mx-secondary`, `fallback2`. */
const BACKUP_NAME = /(^|[^a-z])(backup|bkup|secondary|fallback|failover|standby|spare)([^a-z]|$)/;

export function priorityFindings(report: ReportFacts): Finding[] {
  const groups = preferenceGroups(report);
  if (groups.reduce((count, group) => count + group.hosts.length, 0) < 2) return [];
  return [plainWords(report, groups), ...sameAsPrimary(report, groups), ...thirdPartyBackups(report, groups), ...preferenceGaps(groups)];
}

function names(hosts: readonly Exchange[]): string {
  return listOf(hosts.map(hostDisplay));
}

/** "mx1 and mx2 share the load; mx3 (20) is used only when both are down." */
export function plainWords(report: ReportFacts, groups: readonly PreferenceGroup[]): Finding {
  const parts: string[] = [];
  let before: Exchange[] = [];
  for (const [index, group] of groups.entries()) {
    const who = `${names(group.hosts)} (${group.preference})`;
    const several = group.hosts.length > 1;
    if (index === 0) {
      parts.push(several ? `${who} share the load` : `${who} takes all the mail while it answers`);
    } else {
      const down =
        before.length === 1
          ? `${hostDisplay(before[0]!)} is down`
          : before.length === 2
            ? 'both are down'
            : `all ${before.length} before ${several ? 'them' : 'it'} are down`;
      parts.push(several ? `${who} share the load only when ${down}` : `${who} is used only when ${down}`);
    }
    before = [...before, ...group.hosts];
  }
  if (groups.length === 1) parts.push('there is no backup with a higher number');
  const skipped = groups.flatMap((group) => group.hosts).filter((exchange) => exchangeUsability(report, exchange) === 'unusable');
  const practice = skipped.length > 0 ? ` In practice ${names(skipped)} cannot be reached, so senders skip ${skipped.length === 1 ? 'it' : 'them'}.` : '';
  return {
    code: 'mx-priorities',
    severity: 'info',
    message: `${parts.join('; ')}.${practice}`,
    rfc: 'RFC 5321 §5.1',
  };
}

function sameAsPrimary(report: ReportFacts, groups: readonly PreferenceGroup[]): Finding[] {
  const primary = groups[0]!;
  if (primary.hosts.length < 2) return [];
  // A backup by its name, or one run by another organisation beside the domain's own server.
  const home = report.query.registrable ?? findRegistrableDomain(report.query.name);
  const own = (exchange: Exchange) => home !== undefined && findRegistrableDomain(exchange.host) === home;
  const elsewhere = primary.hosts.some(own) ? primary.hosts.filter((exchange) => !own(exchange) && findRegistrableDomain(exchange.host) !== undefined) : [];
  const named = primary.hosts.filter((exchange) => BACKUP_NAME.test(ownLabels(exchange.host)) || elsewhere.includes(exchange));
  if (named.length === 0 || named.length === primary.hosts.length) return [];
  const main = primary.hosts.filter((exchange) => !named.includes(exchange));
  const share = primary.hosts.length === 2 ? 'half' : `about 1 in ${primary.hosts.length}`;
  return named.map((backup) => ({
    code: 'mx-backup-same-preference',
    severity: 'warn',
    message:
      `${hostDisplay(backup)} ${elsewhere.includes(backup) && !BACKUP_NAME.test(ownLabels(backup.host)) ? `is run by another organisation (${findRegistrableDomain(backup.host)}), like a backup,` : 'looks like a backup by its name,'} but it has the same preference (${primary.preference}) as ${names(main)}: ` +
      `senders pick at random among equal preferences, so it takes ${share} of the mail all the time, not only when ${names(main)} ${main.length === 1 ? 'is' : 'are'} down. ` +
      `If it is meant as a backup, give it a higher number (for example ${primary.preference + 10}); if sharing the load is the intent, nothing is wrong.`,
    rfc: 'RFC 5321 §5.1',
    subject: backup.host,
  }));
}

/** The labels the domain's owner chose: `backup` in `backup.example.com` (not the domain's own name). */
function ownLabels(host: string): string {
  const registrable = findRegistrableDomain(host);
  return registrable && host.endsWith(`.${registrable}`) ? host.slice(0, -registrable.length - 1) : '';
}

function thirdPartyBackups(report: ReportFacts, groups: readonly PreferenceGroup[]): Finding[] {
  const home = report.query.registrable ?? findRegistrableDomain(report.query.name);
  if (!home || groups.length < 2) return [];
  // The primary is the domain's own: every lowest-preference host is under the domain itself.
  if (!groups[0]!.hosts.every((exchange) => findRegistrableDomain(exchange.host) === home)) return [];
  const backups = groups
    .slice(1)
    .flatMap((group) => group.hosts)
    .filter((exchange) => {
      const owner = findRegistrableDomain(exchange.host);
      return owner !== undefined && owner !== home;
    });
  return backups.map((backup): Finding => {
    const provider = identifyProviders([backup.host])[0]?.provider;
    const owner = provider ? `${provider.name}'s` : `${findRegistrableDomain(backup.host)}'s`;
    const filter = provider?.kind === 'gateway';
    const risk = filter
      ? `A filtering service placed below the primary only sees mail when ${names(groups[0]!.hosts)} ${groups[0]!.hosts.length === 1 ? 'is' : 'are'} down: the rest of the time mail goes around the filter. A filter usually takes the lowest number, in front of the mail server.`
      : `Such a backup is a known weak spot: it often does not know which recipients exist and may not filter like the primary, so spammers send to it on purpose, and it accepts mail the primary would refuse (then bounces it, to forged senders). ` +
        `If you keep it, make sure it knows your recipients and filters the same way; senders queue and retry for days anyway (RFC 5321 §4.5.4.1), so a backup is optional.`;
    return {
      code: 'mx-third-party-backup',
      severity: 'info',
      message: `${hostDisplay(backup)} (${backup.preference}) is a backup on ${owner} servers, below ${domainDisplay(report.query)}'s own ${names(groups[0]!.hosts)} (${groups[0]!.preference}). ${risk}`,
      subject: backup.host,
    };
  });
}

/** A step of 50 times or more, to 500 or more: 10 to 1000, 5 to 500, 0 to 1000. */
function preferenceGaps(groups: readonly PreferenceGroup[]): Finding[] {
  const findings: Finding[] = [];
  for (let i = 1; i < groups.length; i++) {
    const low = groups[i - 1]!.preference;
    const high = groups[i]!.preference;
    if (high < 500 || high < 50 * Math.max(low, 1)) continue;
    const guess = high % 10 === 0 ? ` (${high / 10}?)` : '';
    findings.push({
      code: 'mx-preference-gap',
      severity: 'info',
      message:
        `The preferences jump from ${low} (${names(groups[i - 1]!.hosts)}) to ${high} (${names(groups[i]!.hosts)}). ` +
        `Senders only look at the order, so a large gap changes nothing by itself; if ${high} is a typo${guess}, check that the order is still the one you meant.`,
      rfc: 'RFC 5321 §5.1',
      subject: groups[i]!.hosts[0]!.host,
    });
  }
  return findings;
}
