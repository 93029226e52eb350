/**
 * DMARC for one message (RFC 9989, DMARCbis): find the policy of the RFC5322.From domain with
 * the DNS tree walk the mail setup already uses, find each identifier's Organizational Domain
 * the same way, and decide whether an authenticated identifier aligns. Every `_dmarc` question
 * of every walk is asked at once, so the result costs one round trip after the headers are read.
 */
import type { DnsAsk } from '../../mail/dns-ask';
import { isDmarcRecord, parseDmarc } from '../../mail/dmarc/parse-dmarc';
import { choosePolicy, treeWalkDomains } from '../../mail/dmarc/tree-walk';
import type { DmarcLookup, DmarcPolicy } from '../../mail/dmarc/types';
import type { DmarcVerification } from '../types';
import { organizationalDomain } from './organizational-domain';

const FAILED = new Set(['servfail', 'refused', 'error']);

export interface DmarcInputs {
  /** The RFC5322.From domain (ASCII), or null when there is none or several. */
  fromDomain: string | null;
  /** Why there is no From domain, when there is none. */
  fromProblem: string | null;
  /** `d=` of every DKIM signature that passed. */
  dkimPassed: string[];
  /** The SPF-authenticated domain (MAIL FROM, or HELO for a null sender) when SPF passed. */
  spfPassed: string | null;
}

/**
 * Every `_dmarc` walk the evaluation needs, started at once: the From domain's, each passing
 * DKIM domain's and the SPF domain's (for their Organizational Domains), and whether the From
 * domain exists (np=, RFC 9989 §4.7). Call `walks()` as soon as the domains are known (before
 * DKIM and SPF finish), then `evaluate()` with their results.
 */
export class DmarcEvaluation {
  private readonly lookups = new Map<string, Promise<DmarcLookup[]>>();
  private readonly existence: Promise<'exists' | 'nxdomain' | 'unknown'> | undefined;

  constructor(
    private readonly ask: DnsAsk,
    fromDomain: string | null,
    candidates: readonly string[],
  ) {
    for (const domain of [fromDomain, ...candidates]) if (domain) this.walk(domain);
    // A name that does not exist answers NXDOMAIN for every type; MX is the one mail needs anyway.
    if (fromDomain)
      this.existence = ask(fromDomain, 'MX').then((answer) => (answer.status === 'nxdomain' ? 'nxdomain' : FAILED.has(answer.status) ? 'unknown' : 'exists'));
  }

  private walk(domain: string): Promise<DmarcLookup[]> {
    let walk = this.lookups.get(domain);
    if (!walk) {
      walk = Promise.all(
        treeWalkDomains(domain).map(async (name) => {
          const answer = await this.ask(`_dmarc.${name}`, 'TXT');
          return { domain: name, status: answer.status, records: answer.values.filter(isDmarcRecord), discarded: [] };
        }),
      );
      this.lookups.set(domain, walk);
    }
    return walk;
  }

  async evaluate(inputs: DmarcInputs): Promise<DmarcVerification> {
    const base = noDmarc(inputs.fromDomain, '');
    if (!inputs.fromDomain) {
      // RFC 7489 §6.6.1: without exactly one From domain DMARC cannot apply; receivers usually reject.
      return {
        ...base,
        result: 'permerror',
        receiverAction: `${inputs.fromProblem ?? 'The message has no From address.'} Receivers usually reject such a message.`,
      };
    }
    const fromWalk = await this.walk(inputs.fromDomain);
    if (FAILED.has(fromWalk[0]!.status)) {
      return {
        ...base,
        result: 'temperror',
        receiverAction: `The DMARC record of ${inputs.fromDomain} could not be read (DNS failed): receivers would defer the message and try again.`,
      };
    }
    const choice = choosePolicy(fromWalk);
    const parsed = choice ? parseDmarc(choice.record) : undefined;
    const modes = { dkim: parsed?.tags.adkim ?? 'r', spf: parsed?.tags.aspf ?? 'r' } as const;
    // Alignment is reported even without a record (relaxed): an aligned DKIM pass is then the
    // domain's own signature, which is what authenticates the message.
    const alignment = await this.alignment(inputs, fromWalk, modes);
    if (!choice || !parsed)
      return { ...base, alignment, receiverAction: `${inputs.fromDomain} publishes no DMARC policy: receivers judge the message on other signals.` };
    const { dkim, spf } = alignment;
    const { policy, tag } = await this.policyFor(choice.source, parsed.policy, parsed.tags);
    const result = dkim || spf ? 'pass' : 'fail';
    const verification: DmarcVerification = { ...base, result, policy, policyTag: tag, recordDomain: choice.domain, alignment: { dkim, spf }, modes };
    if (parsed.fallback === 'ignored') verification.result = 'permerror';
    verification.receiverAction = receiverAction(verification);
    return verification;
  }

  /** The first passing DKIM domain and the SPF domain that align with the From domain (RFC 9989 §4.4). */
  private async alignment(inputs: DmarcInputs, fromWalk: DmarcLookup[], modes: { dkim: 'r' | 's'; spf: 'r' | 's' }): Promise<DmarcVerification['alignment']> {
    const from = inputs.fromDomain!;
    const fromOrg = organizationalDomain(fromWalk, from);
    const aligned = async (domain: string, mode: 'r' | 's') => {
      if (domain === from) return true;
      if (mode === 's') return false;
      const org = organizationalDomain(await this.walk(domain), domain);
      // Neither walk found a record, so neither Organizational Domain is known: a domain at or
      // below the other is taken as the same organisation (what relaxed alignment is for).
      if (org === domain && fromOrg === from) return from.endsWith(`.${domain}`) || domain.endsWith(`.${from}`);
      return org === fromOrg;
    };
    let dkim: string | null = null;
    for (const domain of inputs.dkimPassed) {
      if (await aligned(domain, modes.dkim)) {
        dkim = domain;
        break;
      }
    }
    const spf = inputs.spfPassed && (await aligned(inputs.spfPassed, modes.spf)) ? inputs.spfPassed : null;
    return { dkim, spf };
  }

  /**
   * Which tag applies (RFC 9989 §4.7): p= at the domain itself; at a parent, np= when the From
   * domain does not exist, else sp=, each falling back to the next (np → sp → p). pct= is
   * historic and never changes the policy.
   */
  private async policyFor(
    source: string,
    p: DmarcPolicy | undefined,
    tags: { sp?: DmarcPolicy; np?: DmarcPolicy },
  ): Promise<{ policy: DmarcPolicy | null; tag: 'p' | 'sp' | 'np' | null }> {
    if (source !== 'domain') {
      if ((await this.existence) === 'nxdomain' && tags.np) return { policy: tags.np, tag: 'np' };
      if (tags.sp) return { policy: tags.sp, tag: 'sp' };
    }
    return p ? { policy: p, tag: 'p' } : { policy: null, tag: null };
  }
}

/** A DMARC result with nothing found yet: no policy, nothing aligned, relaxed modes. */
export function noDmarc(domain: string | null, receiverAction: string): DmarcVerification {
  return {
    domain,
    result: 'none',
    policy: null,
    policyTag: null,
    recordDomain: null,
    alignment: { dkim: null, spf: null },
    modes: { dkim: 'r', spf: 'r' },
    receiverAction,
  };
}

function receiverAction(verification: DmarcVerification): string {
  const domain = verification.domain!;
  if (verification.result === 'permerror') return `The DMARC record that applies to ${domain} cannot be read: receivers apply no DMARC policy.`;
  if (verification.result === 'pass') return 'Receivers treat it as mail that is really from its From domain.';
  switch (verification.policy) {
    case 'reject':
      return `${domain}'s policy is reject, so most receivers refuse it.`;
    case 'quarantine':
      return `${domain}'s policy is quarantine, so most receivers put it in spam.`;
    default:
      return `${domain}'s policy is none (monitoring only): receivers deliver or filter it on other signals.`;
  }
}
