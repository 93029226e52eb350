/**
 * Filling the DNSSEC section from the routing's own answers: the lookup asks MX, TXT and the
 * mail hosts' addresses anyway, so DNSSEC costs no question of its own. Each answer's AD bit is
 * noted once; the section is done once every mail host's addresses are in.
 */
import type { AnswerStatus, DnsName } from '../../vocabulary';
import type { DnssecSection } from './types';

/** The domain's MX or TXT answer. */
export function recordDomainAnswer(section: DnssecSection, which: 'mx' | 'txt', domain: DnsName, status: AnswerStatus, authenticated: boolean): void {
  section[which] = { question: `${domain} ${which.toUpperCase()}`, status, authenticated };
}

/** A mail host's A or AAAA answer (the first one for each host and type). */
export function recordHostAnswer(section: DnssecSection, host: DnsName, type: 'A' | 'AAAA', status: AnswerStatus, authenticated: boolean): void {
  const question = `${host} ${type}`;
  if (section.hosts.some((h) => h.question === question)) return;
  section.hosts.push({ host, question, status, authenticated });
}

/** Every answer the section judges is in. */
export function finishDnssec(section: DnssecSection): void {
  section.status = 'done';
}
