/**
 * The state of one check_host() run (RFC 7208 §4): the address, the macro values, the DNS
 * questions, and the two counters of §4.6.4, shared by every record the run reaches. A
 * permerror or temperror anywhere ends the whole run (§5.2: an include's error is the
 * result), so both are thrown as `SpfStop` and caught once, at the top.
 */
import type { IpBytes } from '../../../ip';
import { buildPtrName, parseIp } from '../../../ip';
import type { AskResult } from '../../dns-ask';
import { SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT } from '../limits';
import { expandMacros, usesPtrMacro, type MacroValues } from './macro-expand';
import { readableAddress } from './ip-match';
import type { SpfDns } from './spf-dns';
import { canonicalName, isAtOrBelow, targetName } from './target-name';
import type { SpfProblem, SpfStep, SpfTermLog } from './types';

export class SpfStop extends Error {
  constructor(
    readonly result: 'permerror' | 'temperror',
    readonly problem: SpfProblem,
    readonly trail: SpfStep[],
  ) {
    super(problem.reason);
  }
}

/** Answers that are DNS errors (RCODE other than 0 and 3, or no answer): temperror (RFC 7208 §5). */
export function isDnsError(answer: AskResult): boolean {
  return answer.status !== 'ok' && answer.status !== 'nodata' && answer.status !== 'nxdomain';
}

export function isVoid(answer: AskResult): boolean {
  return answer.status === 'nodata' || answer.status === 'nxdomain';
}

/** A DNS error in a few words, for the problem's reason. */
export function dnsErrorText(answer: AskResult): string {
  const what = `${answer.name} ${answer.type}`;
  if (answer.status === 'servfail') return `${what} got SERVFAIL (the resolver could not get an answer)`;
  if (answer.status === 'refused') return `${what} was REFUSED by the resolver`;
  return `${what} got no answer${answer.error ? `: ${answer.error.message}` : ''}`;
}

export class Evaluation {
  lookups = 0;
  voidLookups = 0;
  readonly log: SpfTermLog[] = [];
  private validated: Promise<string[]> | undefined;

  constructor(
    readonly address: IpBytes,
    readonly dns: SpfDns,
    /** Every letter but `d` (per record) and `p` (looked up when used). */
    readonly macros: Omit<MacroValues, 'd' | 'p'>,
  ) {}

  /** RFC 7208 §4.6.4: the 11th DNS-querying term is a permerror. */
  countLookup(term: string, domain: string, trail: SpfStep[]): void {
    this.lookups += 1;
    if (this.lookups > SPF_LOOKUP_LIMIT) {
      throw new SpfStop(
        'permerror',
        {
          domain,
          term,
          reason: `it is DNS-querying term number ${this.lookups}; a check may evaluate at most ${SPF_LOOKUP_LIMIT} (include, a, mx, ptr, exists, redirect)`,
          section: '4.6.4',
        },
        trail,
      );
    }
  }

  /** RFC 7208 §4.6.4: more than 2 terms whose lookup finds nothing is a permerror. */
  noteVoid(answer: AskResult, term: string, domain: string, trail: SpfStep[]): void {
    if (!isVoid(answer)) return;
    this.voidLookups += 1;
    if (this.voidLookups > SPF_VOID_LIMIT) {
      throw new SpfStop(
        'permerror',
        {
          domain,
          term,
          reason: `it is void lookup number ${this.voidLookups} (${answer.name} ${answer.type}: ${answer.status === 'nxdomain' ? 'NXDOMAIN' : 'no records'}); at most ${SPF_VOID_LIMIT} are allowed`,
          section: '4.6.4',
        },
        trail,
      );
    }
  }

  requireAnswer(answer: AskResult, term: string | undefined, domain: string, trail: SpfStep[], section = '5'): void {
    if (isDnsError(answer)) throw new SpfStop('temperror', { domain, ...(term === undefined ? {} : { term }), reason: dnsErrorText(answer), section }, trail);
  }

  /** The values for a record at `domain`, with `p` when `text` uses it. */
  async values(text: string, domain: string): Promise<MacroValues> {
    const values: MacroValues = { ...this.macros, d: domain };
    if (usesPtrMacro(text)) values.p = await this.validatedName(domain);
    return values;
  }

  /** A domain-spec as the name to ask about (RFC 7208 §4.8, §7.3). */
  async target(spec: string, domain: string, term: string, trail: SpfStep[]): Promise<string> {
    const expanded = expandMacros(spec, await this.values(spec, domain));
    if (!expanded.ok) throw new SpfStop('permerror', { domain, term, reason: expanded.error, section: '7.1' }, trail);
    return targetName(expanded.text);
  }

  /**
   * The validated names of `<ip>` (RFC 7208 §5.5): its PTR names (the first 10) whose addresses
   * include it. DNS errors leave names out; none of these questions count toward the limits.
   */
  validatedNames(target?: string): Promise<string[]> {
    if (target === undefined && this.validated) return this.validated;
    const run = (async () => {
      const ptr = await this.dns.ask(buildPtrName(readableAddress(this.address)), 'PTR');
      if (ptr.status !== 'ok') return [];
      const names = ptr.values.slice(0, 10).map(canonicalName);
      const candidates = target === undefined ? names : names.filter((name) => isAtOrBelow(name, target));
      const valid: string[] = [];
      for (const name of candidates) if (await this.hasAddress(name)) valid.push(name);
      return valid;
    })();
    if (target === undefined) this.validated = run;
    return run;
  }

  /** Does `name` resolve to `<ip>` (A or AAAA by its family)? Errors count as no. */
  async hasAddress(name: string): Promise<boolean> {
    const answer = await this.dns.ask(name, this.address.family === 4 ? 'A' : 'AAAA');
    const mine = readableAddress(this.address);
    return answer.status === 'ok' && answer.values.some((value) => (parseIp(value)?.ip ?? value) === mine);
  }

  /** `%{p}` (RFC 7208 §7.3): `<domain>` itself if validated, else a name below it, else any, else "unknown". */
  private async validatedName(domain: string): Promise<string> {
    const names = await this.validatedNames();
    return names.find((name) => name === domain) ?? names.find((name) => isAtOrBelow(name, domain)) ?? names[0] ?? 'unknown';
  }
}
