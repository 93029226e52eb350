/**
 * Facts as a flat table: one entry per fact, a key (a tuple such as `["addr", "mx1.example.com"]`)
 * and its value, always a list of strings (a set, sorted; a single value is a list of one; a
 * false flag or a missing host is no entry at all). Diffing and applying a diff are then a few
 * lines over two tables, and `fromEntries(toEntries(f))` gives `f` back exactly.
 */
import type { AnswerStatus, QueryKind, Severity } from '../vocabulary';
import {
  FACTS_VERSION,
  RECORD_KINDS,
  type FindingFacts,
  type HostFacts,
  type MailFacts,
  type PtrFacts,
  type RecordFacts,
  type RecordKind,
  type Verdict,
} from './facts-types';
import { compareIp, compareText } from './order';

/** `[topic, ...subject]`, e.g. `["mx", "mx1.example.com"]`, `["record", "spf"]`, `["finding", "single-mx", null]`. */
export type FactKey = [string, ...(string | null)[]];

export type FactTable = Map<string, string[]>;

export const keyText = (key: FactKey): string => JSON.stringify(key);
export const keyOf = (text: string): FactKey => JSON.parse(text) as FactKey;

/** Facts that say what was checked and when, not what the DNS said: carried over, never compared. */
export type FactsMeta = Pick<MailFacts, 'name' | 'display' | 'kind' | 'checkedAt' | 'resolver' | 'answeredBy' | 'notAsked' | 'rules'>;

export function metaOf(facts: MailFacts): FactsMeta {
  const { name, display, kind, checkedAt, resolver, answeredBy, notAsked, rules } = facts;
  const meta: FactsMeta = { name, display, kind, checkedAt, resolver, answeredBy: [...answeredBy], rules };
  if (notAsked) meta.notAsked = structuredClone(notAsked);
  return meta;
}

export function toEntries(facts: MailFacts): FactTable {
  const table: FactTable = new Map();
  const put = (key: FactKey, value: string[]) => {
    if (value.length > 0) table.set(keyText(key), value);
  };
  put(['status'], [facts.status]);
  put(['verdict'], [facts.verdict]);
  put(['null-mx'], facts.nullMx ? ['yes'] : []);
  put(['implicit-mx'], facts.implicitMx ? ['yes'] : []);
  const preferences = new Map<string, number[]>();
  for (const { host, preference } of facts.mx) preferences.set(host, [...(preferences.get(host) ?? []), preference]);
  for (const [host, list] of preferences) put(['mx', host], list.sort((a, b) => a - b).map(String));
  for (const host of facts.hosts) {
    put(['host', host.host], [host.state]);
    put(['cname', host.host], host.cname);
    put(['addr', host.host], host.addresses);
  }
  for (const ptr of facts.ptr) {
    put(['ptr-status', ptr.ip], [ptr.status]);
    put(['ptr', ptr.ip], ptr.names);
  }
  for (const [kind, record] of Object.entries(facts.records) as [RecordKind, RecordFacts][]) {
    put(['record-status', kind], [record.status]);
    put(['record-name', kind], [record.name]);
    put(['record', kind], record.records);
  }
  // One key per finding and subject; its severities are the value (a rule may say two things about one host).
  const severities = new Map<string, string[]>();
  for (const f of facts.findings) {
    const text = keyText(['finding', f.code, f.subject ?? null]);
    severities.set(text, [...(severities.get(text) ?? []), f.severity]);
  }
  for (const [text, list] of severities) table.set(text, [...new Set(list)].sort(compareText));
  return table;
}

export function fromEntries(table: FactTable, meta: FactsMeta): MailFacts {
  const rows = [...table].map(([text, value]) => ({ key: keyOf(text), value }));
  const of = (topic: string) => rows.filter((row) => row.key[0] === topic);
  const value = (...key: FactKey): string[] => table.get(keyText(key)) ?? [];
  const hosts: HostFacts[] = of('host').map(({ key, value: [state] }) => {
    const host = key[1]!;
    return { host, state: state!, cname: value('cname', host), addresses: value('addr', host) };
  });
  const ptr: PtrFacts[] = of('ptr-status').map(({ key, value: [status] }) => ({ ip: key[1]!, status: status as AnswerStatus, names: value('ptr', key[1]!) }));
  const records: Partial<Record<RecordKind, RecordFacts>> = {};
  for (const { kind } of RECORD_KINDS) {
    const [status] = value('record-status', kind);
    if (status !== undefined) records[kind] = { name: value('record-name', kind)[0] ?? '', status: status as AnswerStatus, records: value('record', kind) };
  }
  const findings: FindingFacts[] = of('finding').flatMap(({ key, value: list }) =>
    list.map((severity) => {
      const fact: FindingFacts = { code: key[1]!, severity: severity as Severity };
      if (key[2] !== null && key[2] !== undefined) fact.subject = key[2];
      return fact;
    }),
  );
  const { notAsked, ...rest } = meta;
  return {
    version: FACTS_VERSION,
    ...rest,
    kind: meta.kind as QueryKind,
    verdict: value('verdict')[0] as Verdict,
    status: value('status')[0] as AnswerStatus,
    nullMx: value('null-mx').length > 0,
    implicitMx: value('implicit-mx').length > 0,
    mx: of('mx')
      .flatMap(({ key, value: list }) => list.map((p) => ({ host: key[1]!, preference: Number(p) })))
      .sort((a, b) => a.preference - b.preference || compareText(a.host, b.host)),
    hosts: hosts.sort((a, b) => compareText(a.host, b.host)),
    ptr: ptr.sort((a, b) => compareIp(a.ip, b.ip)),
    records,
    findings: findings.sort((a, b) => compareText(a.code, b.code) || compareText(a.subject ?? '', b.subject ?? '') || compareText(a.severity, b.severity)),
    ...(notAsked ? { notAsked } : {}),
  };
}
