/**
 * A check 0.1.0 never made is "not checked before", not a change: 0.1.0's stored facts (the
 * kept sample) against the facts a current lookup of the same zone gives, which add DANE.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeDiff, describeFirstAsked, describeNewRules } from './describe-diff';
import { diffFacts, realChanges } from './diff-facts';
import { RULES_VERSION, type MailFacts } from './facts-types';
import { migrateFacts } from './facts-versions';
import { sinceLast } from './since-last';
import { afterCheck, newWatch } from './watch-schedule';

const stored = JSON.parse(readFileSync(new URL('../../../test/fixtures/stored/0.1.0/history-record.json', import.meta.url), 'utf8')) as { checks: unknown[] };
const lastOf010 = stored.checks.at(-1);

function old(): MailFacts {
  const read = migrateFacts(lastOf010);
  if (!read.ok) throw new Error(read.reason);
  return read.value;
}

/** Today's facts of the same zone: the same answers, and the DANE checks 0.1.0 did not make (one a warning). */
function today(change: (facts: MailFacts) => void = () => undefined): MailFacts {
  const { notAsked: _notAsked, ...base } = structuredClone(old());
  const facts: MailFacts = {
    ...base,
    rules: RULES_VERSION,
    checkedAt: base.checkedAt + 6 * 3600_000,
    verdict: 'warn',
    findings: [
      ...base.findings,
      { code: 'dane-none', severity: 'info' as const, subject: 'mx2.example.com' },
      { code: 'dane-unsigned', severity: 'warn' as const, subject: 'mx1.example.com' },
    ].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  };
  change(facts);
  return facts;
}

describe('a check the older MXray never made', () => {
  it('is in the diff, marked, and not a real change', () => {
    const diff = diffFacts(old(), today());
    expect(diff.changes.filter((c) => c.firstAsked).map((c) => c.key)).toEqual([
      ['finding', 'dane-none', 'mx2.example.com'],
      ['finding', 'dane-unsigned', 'mx1.example.com'],
    ]);
    expect(realChanges(diff)).toEqual([]);
    expect(describeDiff(diff, old(), today())).toEqual([]);
  });

  it('says so plainly', () => {
    expect(describeFirstAsked(diffFacts(old(), today()))).toBe(
      'Not checked before (the last check was made by an older MXray; not counted as changes): dane-none (mx2.example.com): note, dane-unsigned (mx1.example.com): warning',
    );
  });

  it('moves no verdict: a verdict that only a new check changes is not checked before either', () => {
    const withError = today((f) => {
      f.findings.push({ code: 'dane-tlsa-unusable', severity: 'error', subject: 'mx1.example.com' });
      f.verdict = 'error';
    });
    const diff = diffFacts(old(), withError);
    expect(diff.changes.find((c) => c.key[0] === 'verdict')).toMatchObject({ before: ['warn'], after: ['error'], firstAsked: true });
    expect(realChanges(diff)).toEqual([]);
  });

  it('raises no watch alert and no "since last time"', () => {
    const watch = { ...newWatch('example.com', 'example.com', 0, { facts: old() }), unseen: 0 };
    const { entry, alert } = afterCheck(watch, { ok: true, facts: today() }, today().checkedAt);
    expect(alert).toBeUndefined();
    expect(entry).toMatchObject({ status: 'ok', unseen: 0, log: [] });
    expect(sinceLast(old(), today(), today().checkedAt)).toBeUndefined();
  });

  it('beside a real change, is said after it and not counted', () => {
    const moved = today((f) => {
      f.mx = f.mx.filter((m) => m.host !== 'mx2.example.com');
      f.hosts = f.hosts.filter((h) => h.host !== 'mx2.example.com');
      f.ptr = f.ptr.filter((p) => p.ip !== '198.51.100.20');
    });
    const watch = newWatch('example.com', 'example.com', 0, { facts: old() });
    const { alert } = afterCheck(watch, { ok: true, facts: moved }, moved.checkedAt);
    expect(alert?.items.map((i) => i.text)).toEqual(['mx2.example.com (20) was removed']);
    expect(alert?.summary).toBe(
      'Since 6 hours ago: mx2.example.com (20) was removed. Not checked before (the last check was made by an older MXray; not counted as changes): dane-none (mx2.example.com): note, dane-unsigned (mx1.example.com): warning',
    );
  });

  it('is a change again once the old facts are from a version that asked: a DANE finding that comes later is new', () => {
    const previous = today();
    const next = { ...today(), checkedAt: previous.checkedAt + 1, findings: [...previous.findings, { code: 'dane-no-rollover', severity: 'warn' as const }] };
    const items = describeDiff(diffFacts(previous, next), previous, next);
    expect(items.map((i) => i.text)).toEqual(['new warning: dane-no-rollover']);
  });

  it("is judged by this MXray's rules where 0.1.0 judged the same DNS otherwise: another severity, a finding gone, the verdict", () => {
    // The rules changed between the two (facts' `rules`): 0.1.0's severities are not this
    // version's, so they are said, and neither counted nor alerted on.
    const judgedAnew = today((f) => {
      f.findings = f.findings.filter((x) => x.code !== 'dkim-none');
      f.findings.find((x) => x.code === 'mta-sts-none')!.severity = 'warn';
    });
    const diff = diffFacts(old(), judgedAnew);
    expect(diff.changes.filter((c) => c.key[0] === 'finding' && !c.firstAsked).every((c) => c.newRules)).toBe(true);
    expect(diff.changes.some((c) => c.key[0] === 'finding' && c.key[1] === 'dkim-none' && c.newRules)).toBe(true);
    expect(realChanges(diff)).toEqual([]);
    expect(describeNewRules(diff)).toMatch(
      /^Judged by this MXray's rules \(the last check was judged by an older MXray's; not counted as changes\): .*no longer reported: dkim-none, mta-sts-none went from note to warning/,
    );
    const watch = { ...newWatch('example.com', 'example.com', 0, { facts: old() }), unseen: 0 };
    expect(afterCheck(watch, { ok: true, facts: judgedAnew }, judgedAnew.checkedAt).alert).toBeUndefined();
    expect(sinceLast(old(), judgedAnew, judgedAnew.checkedAt)).toBeUndefined();
  });

  it('still counts what the DNS said across the rules: a record or a mail host that changed is a change, said before the findings judged anew', () => {
    const moved = today((f) => {
      f.findings = f.findings.filter((x) => x.code !== 'dkim-none');
      f.mx = f.mx.filter((m) => m.host !== 'mx2.example.com');
      f.hosts = f.hosts.filter((h) => h.host !== 'mx2.example.com');
      f.ptr = f.ptr.filter((p) => p.ip !== '198.51.100.20');
    });
    const since = sinceLast(old(), moved, moved.checkedAt);
    expect(since?.items.map((i) => i.text)).toEqual(['mx2.example.com (20) was removed']);
    expect(since?.summary).toMatch(
      /^Since 6 hours ago: mx2\.example\.com \(20\) was removed\. Not checked before .*\. Judged by this MXray's rules .*no longer reported: dkim-none/,
    );
  });

  it('counts a finding that went away between two checks judged by the same rules', () => {
    const previous = today();
    const fixed = { ...today((f) => (f.findings = f.findings.filter((x) => x.code !== 'dkim-none'))), checkedAt: previous.checkedAt + 1 };
    expect(describeDiff(diffFacts(previous, fixed), previous, fixed).map((i) => i.text)).toEqual(['no longer reported: dkim-none']);
  });

  it("facts taken now carry the rules that judged them; 0.1.0's read as rules 1", () => {
    expect(old().rules).toBe(1);
    expect(RULES_VERSION).toBeGreaterThan(1);
  });
});
