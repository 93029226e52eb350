/**
 * What a resolver comparison means, in words: every resolver agrees; some disagree (a change
 * still propagating, or a resolver filtering the name); some did not answer.
 */
import type { Finding } from '../vocabulary';
import { listOf } from '../wording';
import { answerGroups, rowAnswerText, type ResolverAnswerRow, type ResolverComparison } from './comparison';

export function comparisonFindings(comparison: ResolverComparison): Finding[] {
  if (comparison.status !== 'done') return [];
  const findings: Finding[] = [];
  const question = `${comparison.name} ${comparison.type}`;
  const groups = answerGroups(comparison);
  const names = (rows: ResolverAnswerRow[]) => listOf(rows.map((row) => row.resolverName));
  if (groups.length > 1) {
    findings.push({
      code: 'propagation-differs',
      severity: 'warn',
      message:
        `The resolvers disagree about ${question}: ` +
        groups.map((group) => `${names(group.rows)} ${group.rows.length === 1 ? 'says' : 'say'} ${rowAnswerText(group.rows[0]!)}`).join('; ') +
        `. After a change, resolvers keep the old answer until its TTL runs out, so this settles within the old TTL; ` +
        `if it lasts longer, one resolver may be filtering the name or the domain's name servers disagree with each other.`,
      rfc: 'RFC 1035 §3.2.1',
    });
  } else if (groups.length === 1) {
    const ttls = new Set(groups[0]!.rows.map((row) => row.ttl));
    findings.push({
      code: 'propagation-agrees',
      severity: 'ok',
      message: `${names(groups[0]!.rows)} all give the same answer for ${question}${ttls.size > 1 ? ' (their TTLs differ only because each cache counts down from when it fetched the record)' : ''}.`,
    });
  }
  const failed = comparison.rows.filter((row) => row.status === 'error');
  if (failed.length > 0) {
    findings.push({
      code: 'propagation-resolver-failed',
      severity: 'info',
      message: `${names(failed)} did not answer: ${failed.map((row) => row.error?.message ?? 'no answer').join(' ')}`,
    });
  }
  return findings;
}
