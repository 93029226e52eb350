/**
 * Records an answer holds but must not be used, left out with a sentence each, before anything
 * reads the answer:
 * - data records under an rcode other than NOERROR: NXDOMAIN says the name does not exist
 *   (RFC 1035 §4.1.1, RFC 2308 §2.1), so an MX record beside it is a contradiction, and the
 *   status wins; the CNAMEs stay (RFC 6604 §2: the rcode is about the end of the chain);
 * - records of another type than the one asked, other than the aliases leading to it;
 * - records for a name that is neither the one asked nor on its CNAME chain (RFC 2181 §5.4.1:
 *   such data is not an answer to the question).
 */
import type { DnsMessage, DnsQuestion, DnsRecord } from '../dns/message';
import { normaliseName } from '../dns/message';

/** No need to name every stray record: a resolver can send 65,535 of them. */
const MAX_NOTES = 3;

export function withoutStrayRecords(message: DnsMessage, question: DnsQuestion): { answers: DnsRecord[]; notes: string[] } {
  const notes = [...(message.dropped ?? [])];
  const asked = `${question.name} ${question.type}`;
  const owners = chainOwners(message.answers, normaliseName(question.name));
  // Counted by type and reason, so 65,535 stray records make one sentence, not 65,535.
  const strays = new Map<string, { type: string; reason: string; count: number }>();
  const answers = message.answers.filter((record) => {
    const alias = record.type === 'CNAME' || record.type === 'DNAME';
    let reason: string | undefined;
    if (!alias && record.type !== question.type) reason = `came in the answer to ${asked}, which asked for ${question.type} records`;
    else if (!alias && message.rcode !== 'NOERROR')
      reason = `came with the status ${message.rcode}, ${statusMeaning(message.rcode)} (the status wins, RFC 2308 §2.1)`;
    else if (record.type !== 'DNAME' && !owners.has(normaliseName(record.name)))
      reason = `came for ${record.name.slice(0, 80)}, which is neither ${question.name} nor on its alias chain (RFC 2181 §5.4.1)`;
    if (reason === undefined) return true;
    const type = recordType(record);
    const stray = strays.get(`${type} ${reason}`) ?? { type, reason, count: 0 };
    stray.count++;
    strays.set(`${type} ${reason}`, stray);
    return false;
  });
  for (const { type, reason, count } of [...strays.values()].slice(0, MAX_NOTES)) {
    notes.push(count === 1 ? `${article(type)} ${type} record ${reason}, so MXray ignored it` : `${count} ${type} records ${reason}, so MXray ignored them`);
  }
  if (strays.size > MAX_NOTES) notes.push(`${strays.size - MAX_NOTES} more kinds of stray records were ignored`);
  return { answers, notes };
}

function recordType(record: DnsRecord): string {
  return record.type === 'OTHER' ? `type ${record.rrtype}` : record.type;
}

/** The question name and every name its CNAMEs lead to (in any order in the section). */
function chainOwners(records: readonly DnsRecord[], start: string): Set<string> {
  const owners = new Set([start]);
  for (let grew = true, rounds = 0; grew && rounds < 64; rounds++) {
    grew = false;
    for (const record of records) {
      if (record.type !== 'CNAME' || !owners.has(normaliseName(record.name))) continue;
      const target = normaliseName(record.data);
      if (!owners.has(target)) {
        owners.add(target);
        grew = true;
      }
    }
  }
  return owners;
}

function statusMeaning(rcode: string): string {
  if (rcode === 'NXDOMAIN') return 'which says the name does not exist';
  return 'which is not an answer with data';
}

/** "an MX", "an A", "a TXT": by how the type name is said. */
function article(word: string): string {
  return /^([AEFHILMNORSX]|type 8|type 11|type 18)/.test(word) && !/^(U|EU)/.test(word) ? 'an' : 'a';
}
