/**
 * What every scorecard rule is built from: a judgement (status and a few words), the common
 * "not checked" cases, and the step from a section's findings to a status, so a line is derived
 * from the findings pipeline (src/core/findings) and never says what the section does not.
 */
import type { Report } from '../../report';
import type { Finding } from '../../vocabulary';
import type { ScorecardId, ScorecardStatus } from './types';

export interface Judgement {
  status: ScorecardStatus;
  summary: string;
}

/** One line of the table: what it judges, why it matters, the standard, and the rule. */
export interface ScorecardRule {
  id: ScorecardId;
  /** The standard the line holds the domain to. */
  rfc: string;
  /** Why it matters, in one sentence (docs/scorecard.md says the same). */
  why: string;
  judge: (report: Report) => Judgement;
}

export const judged = (status: ScorecardStatus, summary: string): Judgement => ({ status, summary });

export const CHECKING = judged('not-checked', 'Still checking…');
export const MAIL_SETUP_OFF = judged('not-checked', 'Mail setup not checked');

/** RFC 7505: a null MX says the domain accepts no mail, so the receiving-side standards do not apply. */
export const NO_MAIL_ACCEPTED = judged('pass', 'Not needed: accepts no mail (null MX)');

/**
 * Errors make a line fail and warnings make it warn, said in the words of the worst finding (its
 * first sentence). `undefined` when there is neither: the rule then says what passes.
 */
export function fromFindings(findings: readonly Finding[] | undefined): Judgement | undefined {
  for (const [severity, status] of [
    ['error', 'fail'],
    ['warn', 'warn'],
  ] as const) {
    const worst = (findings ?? []).filter((finding) => finding.severity === severity);
    if (worst.length > 0) return judged(status, `${firstSentence(worst[0]!.message)}${worst.length > 1 ? ` (+${worst.length - 1} more)` : ''}`);
  }
  return undefined;
}

export const hasCode = (findings: readonly Finding[] | undefined, code: string) => (findings ?? []).some((finding) => finding.code === code);

const MAX_SUMMARY = 160;

/** The first sentence of a finding, cut at a word near `MAX_SUMMARY` characters. A dot inside a name (`mx.example.com`) is not an end. */
export function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  const sentence = end === -1 ? text : text.slice(0, end + 1);
  if (sentence.length <= MAX_SUMMARY) return sentence;
  const cut = sentence.slice(0, MAX_SUMMARY);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_SUMMARY / 2))}…`;
}

/** `mx1.example.com, mx2.example.com and 3 more` */
export function hostList(hosts: readonly string[]): string {
  const shown = hosts.slice(0, 2).join(', ');
  return hosts.length > 2 ? `${shown} and ${hosts.length - 2} more` : shown;
}
