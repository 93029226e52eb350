/**
 * A diff in plain words: one item per thing that changed, naming the host or record, with the
 * old and new values for a side-by-side view. A host that was added or removed is one item (its
 * addresses and reverse names go with it), not one per fact.
 */
import type { ChangeItem } from './change-types';
import { RECORD_KINDS, type MailFacts, type RecordKind } from './facts-types';
import { firstAskedChanges, newRulesChanges, realChanges, type FactChange, type FactsDiff } from './diff-facts';
import { describeRecordChange, RECORD_LABEL, visible } from './describe-records';

export type { ChangeItem } from './change-types';

const STATUS_WORDS: Record<string, string> = {
  ok: 'answered',
  nodata: 'no records (NODATA)',
  nxdomain: 'the name does not exist (NXDOMAIN)',
  servfail: 'SERVFAIL',
  refused: 'REFUSED',
  error: 'no answer',
  pending: 'not answered yet',
  skipped: 'not asked',
};
const STATE_WORDS: Record<string, string> = {
  resolved: 'has addresses',
  'no-address': 'has no address',
  nxdomain: 'does not exist (NXDOMAIN)',
  'ip-literal': 'is written as an IP address',
  error: 'could not be resolved',
  pending: 'was not resolved yet',
};

const words = (table: Record<string, string>, value: string | undefined) => (value === undefined ? 'nothing' : (table[value] ?? value));
const joined = (list: readonly string[]) => list.join(', ');

/** The real changes of a diff, described; uncertain ones (a failed question) are left out. */
export function describeDiff(diff: FactsDiff, old: MailFacts, next: MailFacts): ChangeItem[] {
  const changes = realChanges(diff);
  const items: ChangeItem[] = [];
  const get = (topic: string, subject?: string | null) => changes.find((c) => c.key[0] === topic && (subject === undefined || c.key[1] === subject));
  const domain = next.display;

  const status = get('status');
  if (status)
    items.push({
      topic: 'mx',
      subject: next.kind === 'ip' ? 'PTR' : 'MX',
      text: `the ${next.kind === 'ip' ? 'PTR' : 'MX'} answer went from "${words(STATUS_WORDS, status.before[0])}" to "${words(STATUS_WORDS, status.after[0])}"`,
      before: status.before.join(''),
      after: status.after.join(''),
    });
  const nullMx = get('null-mx');
  if (nullMx)
    items.push({
      topic: 'mx',
      subject: 'MX',
      text: nullMx.after.length > 0 ? `${domain} now publishes a null MX: it accepts no mail (RFC 7505)` : `${domain} no longer publishes a null MX`,
      before: nullMx.before.length > 0 ? '0 .' : '',
      after: nullMx.after.length > 0 ? '0 .' : '',
    });
  const implicit = get('implicit-mx');
  if (implicit)
    items.push({
      topic: 'mx',
      subject: 'MX',
      text:
        implicit.after.length > 0
          ? `${domain} has no MX records any more: mail goes to ${domain} itself (implicit MX)`
          : `${domain} has MX records again (no longer an implicit MX)`,
      before: implicit.before.length > 0 ? 'implicit MX' : '',
      after: implicit.after.length > 0 ? 'implicit MX' : '',
    });

  const oldHosts = new Set(old.hosts.map((h) => h.host));
  const newHosts = new Set(next.hosts.map((h) => h.host));
  for (const change of changes.filter((c) => c.key[0] === 'mx')) items.push(mxItem(change, next));
  for (const host of next.hosts.filter((h) => oldHosts.has(h.host))) {
    const item = hostItem(host.host, get('host', host.host), get('cname', host.host), get('addr', host.host));
    if (item) items.push(item);
  }
  // A host that came or went without an MX change of its own (the implicit MX host).
  for (const host of [...newHosts].filter((h) => !oldHosts.has(h) && !get('mx', h)))
    items.push({
      topic: 'host',
      subject: host,
      text: `${host} is now a mail host (${joined(next.hosts.find((h) => h.host === host)!.addresses) || 'no address'})`,
      before: '',
      after: joined(next.hosts.find((h) => h.host === host)!.addresses),
    });
  for (const host of [...oldHosts].filter((h) => !newHosts.has(h) && !get('mx', h)))
    items.push({
      topic: 'host',
      subject: host,
      text: `${host} is no longer a mail host`,
      before: joined(old.hosts.find((h) => h.host === host)!.addresses),
      after: '',
    });

  const oldIps = new Set(old.ptr.map((p) => p.ip));
  for (const ptr of next.ptr.filter((p) => oldIps.has(p.ip))) {
    const names = get('ptr', ptr.ip);
    const ptrStatus = get('ptr-status', ptr.ip);
    if (!names && !ptrStatus) continue;
    const before = old.ptr.find((p) => p.ip === ptr.ip)!;
    const text = names
      ? `the reverse name of ${ptr.ip} went from ${visible(joined(before.names)) || 'none'} to ${visible(joined(ptr.names)) || 'none'}`
      : `the reverse lookup of ${ptr.ip} went from "${words(STATUS_WORDS, before.status)}" to "${words(STATUS_WORDS, ptr.status)}"`;
    items.push({
      topic: 'ptr',
      subject: ptr.ip,
      text,
      before: joined(before.names) || words(STATUS_WORDS, before.status),
      after: joined(ptr.names) || words(STATUS_WORDS, ptr.status),
    });
  }

  for (const { kind } of RECORD_KINDS) {
    const item = recordItem(kind, old, next, get('record', kind), get('record-name', kind), get('record-status', kind));
    if (item) items.push(item);
  }

  const verdict = get('verdict');
  if (verdict)
    items.push({
      topic: 'verdict',
      subject: 'verdict',
      text: `the verdict went from ${verdict.before[0] ?? 'none'} to ${verdict.after[0] ?? 'none'}`,
      before: verdict.before.join(''),
      after: verdict.after.join(''),
    });
  for (const change of changes.filter((c) => c.key[0] === 'finding')) items.push(findingItem(change));
  return items;
}

function mxItem(change: FactChange, next: MailFacts): ChangeItem {
  const host = change.key[1]!;
  const addresses = next.hosts.find((h) => h.host === host)?.addresses ?? [];
  const before = change.before.map((p) => `${p} ${host}`).join(', ');
  const after = change.after.map((p) => `${p} ${host}`).join(', ');
  if (change.before.length === 0)
    return {
      topic: 'mx',
      subject: host,
      text: `${host} (${joined(change.after)}) was added${addresses.length > 0 ? ` (${joined(addresses)})` : ''}`,
      before,
      after,
    };
  if (change.after.length === 0) return { topic: 'mx', subject: host, text: `${host} (${joined(change.before)}) was removed`, before, after };
  return { topic: 'mx', subject: host, text: `${host}'s preference went from ${joined(change.before)} to ${joined(change.after)}`, before, after };
}

function hostItem(host: string, state?: FactChange, cname?: FactChange, addr?: FactChange): ChangeItem | undefined {
  const parts: string[] = [];
  if (state) parts.push(`${host} now ${words(STATE_WORDS, state.after[0])} (before: ${words(STATE_WORDS, state.before[0])})`);
  if (cname)
    parts.push(
      cname.after.length > 0
        ? `${host} now points through ${joined(cname.after)}${cname.before.length > 0 ? ` (was ${joined(cname.before)})` : ''}`
        : `${host} is no longer an alias (was through ${joined(cname.before)})`,
    );
  if (addr) {
    const added = addr.after.filter((ip) => !addr.before.includes(ip));
    const removed = addr.before.filter((ip) => !addr.after.includes(ip));
    if (added.length > 0 && removed.length > 0 && addr.before.length === removed.length)
      parts.push(`${host} moved from ${joined(removed)} to ${joined(added)}`);
    else {
      if (added.length > 0) parts.push(`${host} gained ${joined(added)}`);
      if (removed.length > 0) parts.push(`${host} lost ${joined(removed)}`);
    }
  }
  if (parts.length === 0) return undefined;
  return {
    topic: 'host',
    subject: host,
    text: parts.join('; '),
    before: joined(addr?.before ?? []) || (state?.before[0] ?? ''),
    after: joined(addr?.after ?? []) || (state?.after[0] ?? ''),
  };
}

function recordItem(kind: RecordKind, old: MailFacts, next: MailFacts, records?: FactChange, name?: FactChange, status?: FactChange): ChangeItem | undefined {
  const label = RECORD_LABEL[kind];
  const a = old.records[kind];
  const b = next.records[kind];
  if (!a || !b) return undefined; // asked one time only (the mail diagnostics were off): nothing to compare
  const parts: string[] = [];
  if (name) parts.push(`${label} now comes from ${b.name} (was ${a.name})`);
  if (records) parts.push(...describeRecordChange(kind, a.records, b.records));
  else if (
    status &&
    a.records.length === 0 &&
    b.records.length === 0 &&
    (b.status === 'servfail' || b.status === 'refused' || a.status === 'servfail' || a.status === 'refused')
  ) {
    parts.push(`the ${label} question went from "${words(STATUS_WORDS, a.status)}" to "${words(STATUS_WORDS, b.status)}"`);
  }
  if (parts.length === 0) return undefined;
  return { topic: 'record', subject: label, text: parts.join('; '), before: a.records.join('\n'), after: b.records.join('\n') };
}

/**
 * What the new check has that the older one never asked (facts from an older MXray), in one
 * sentence: "Not checked before (not counted as changes): DANE (dane-none: note)". Undefined when
 * there is none. Said beside the changes, never as one.
 */
export function describeFirstAsked(diff: FactsDiff): string | undefined {
  const parts: string[] = [];
  const changes = firstAskedChanges(diff);
  for (const { kind } of RECORD_KINDS)
    if (changes.some((c) => c.key[0].startsWith('record') && c.key[1] === kind)) parts.push(`the ${RECORD_LABEL[kind]} record`);
  for (const change of changes.filter((c) => c.key[0] === 'finding')) {
    const [, code, subject] = change.key;
    parts.push(`${code}${subject ? ` (${subject})` : ''}: ${change.after.map((s) => SEVERITY_WORDS[s] ?? s).join(' and ')}`);
  }
  return parts.length > 0 ? `Not checked before (the last check was made by an older MXray; not counted as changes): ${parts.join(', ')}` : undefined;
}

/**
 * What the rules of a newer MXray say otherwise about the same DNS (facts from an older MXray),
 * in one sentence: "Judged by this MXray's rules, not counted as changes: single-mx went from
 * note to warning". Undefined when there is none.
 */
export function describeNewRules(diff: FactsDiff): string | undefined {
  const changes = newRulesChanges(diff);
  const parts = changes.filter((c) => c.key[0] === 'finding').map((c) => findingItem(c).text);
  const verdict = changes.find((c) => c.key[0] === 'verdict');
  if (verdict) parts.push(`the verdict went from ${verdict.before.join('') || 'none'} to ${verdict.after.join('') || 'none'}`);
  return parts.length > 0
    ? `Judged by this MXray's rules (the last check was judged by an older MXray's; not counted as changes): ${parts.join(', ')}`
    : undefined;
}

/** A change summary with the sentences on an older MXray's check after it ("not checked before", other rules), when there are any. */
export function withOlderChecks(summary: string, diff: FactsDiff): string {
  return [summary, describeFirstAsked(diff), describeNewRules(diff)].filter((part) => part !== undefined).join('. ');
}

const SEVERITY_WORDS: Record<string, string> = { error: 'problem', warn: 'warning', info: 'note', ok: 'check passed' };

function findingItem(change: FactChange): ChangeItem {
  const [, code, subject] = change.key;
  const about = `${code}${subject ? ` (${subject})` : ''}`;
  const severity = (list: readonly string[]) => list.map((s) => SEVERITY_WORDS[s] ?? s).join(' and ');
  const text =
    change.before.length === 0
      ? `new ${severity(change.after)}: ${about}`
      : change.after.length === 0
        ? `no longer reported: ${about}`
        : `${about} went from ${severity(change.before)} to ${severity(change.after)}`;
  return { topic: 'finding', subject: about, text, before: change.before.join(', '), after: change.after.join(', ') };
}
