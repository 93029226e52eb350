/**
 * RFC 1034 §5.3.3 step 3: when an answer's CNAME chain ends on a name the answer has nothing
 * more for, the client restarts at that name. Recursive resolvers do this themselves, but an
 * authoritative server or a forwarder returns only the links in its own zone (knotd gives 5),
 * and a stub that stopped there would report "no MX records" for a name whose chain goes on,
 * or never notice that it loops or runs to 50 links. The pieces are merged into one answer
 * so `readAnswer` sees the whole chain; chasing stops after MAX_LINKS links or on a loop.
 */
import { normaliseName, type DnsQuestion } from '../dns/message';
import type { DnsAnswer } from './dns-answer';

/** Past the 16 links `readAnswer` follows, so it can tell a chain that is too long. */
const MAX_LINKS = 17;

export async function chaseCname(first: DnsAnswer, question: DnsQuestion, ask: (name: string) => Promise<DnsAnswer>): Promise<DnsAnswer> {
  if (question.type === 'CNAME') return first;
  let merged = first;
  for (let round = 0; round < MAX_LINKS; round++) {
    const end = chainEnd(merged);
    if (!end || merged.rcode !== 'NOERROR') return merged;
    if (merged.answers.some((r) => r.type === question.type && normaliseName(r.name) === end.name)) return merged;
    if (end.links >= MAX_LINKS || end.looped) return merged;
    const next = await ask(end.name);
    merged = {
      ...merged,
      rcode: next.rcode,
      answers: [...merged.answers, ...next.answers],
      authorities: next.authorities,
      authenticated: merged.authenticated && next.authenticated,
      requests: merged.requests + next.requests,
      fromCache: merged.fromCache && next.fromCache,
      failures: [...merged.failures, ...next.failures],
      ...(merged.notes || next.notes ? { notes: [...(merged.notes ?? []), ...(next.notes ?? [])] } : {}),
    };
  }
  return merged;
}

/** Where the CNAME chain from the question name ends, or undefined when there is none. */
function chainEnd(answer: DnsAnswer): { name: string; links: number; looped: boolean } | undefined {
  let target = normaliseName(answer.name);
  const seen = new Set([target]);
  let links = 0;
  for (;;) {
    const alias = answer.answers.find((r) => r.type === 'CNAME' && normaliseName(r.name) === target);
    if (!alias || alias.type !== 'CNAME') break;
    target = normaliseName(alias.data);
    links++;
    if (seen.has(target)) return { name: target, links, looped: true };
    seen.add(target);
    if (links > MAX_LINKS) break;
  }
  return links === 0 ? undefined : { name: target, links, looped: false };
}
