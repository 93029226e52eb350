/**
 * Every stored shape from its kept samples (test/fixtures/stored): what release 0.1.0 wrote
 * migrates to exactly today's shape, and today's shape reads back unchanged.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateFacts } from '../history/facts-versions';
import { readAll } from '../versioned';
import { migrateBulkJob, migrateBulkRow } from './bulk-record';
import { migrateHistoryRecord } from './history-record';
import { migrateKept } from './kept-record';
import { migrateRecent } from './recent-record';
import { migrateSettings, newerSettingsVersion, settingsToStore } from './settings-record';
import { migrateWatchEntry } from './watch-record';

const sample = (release: '0.1.0' | 'current', name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/stored/${release}/${name}.json`, import.meta.url), 'utf8'));

interface BulkSample {
  job: unknown;
  rows: unknown[];
}

describe('stored shapes from 0.1.0 to today', () => {
  it('a 0.1.0 history record (3 checks) migrates to exactly the current record, which reads back unchanged', () => {
    expect(migrateHistoryRecord(sample('0.1.0', 'history-record'))).toEqual({ ok: true, value: sample('current', 'history-record') });
    expect(migrateHistoryRecord(sample('current', 'history-record'))).toEqual({ ok: true, value: sample('current', 'history-record') });
  });

  it('a 0.1.0 watch entry with its change log migrates to exactly the current entry, which reads back unchanged', () => {
    expect(migrateWatchEntry(sample('0.1.0', 'watch-entry'))).toEqual({ ok: true, value: sample('current', 'watch-entry') });
    expect(migrateWatchEntry(sample('current', 'watch-entry'))).toEqual({ ok: true, value: sample('current', 'watch-entry') });
  });

  it("0.1.0's facts (version 1) read as version 2, naming the checks 0.1.0 never made", () => {
    const old = (sample('0.1.0', 'history-record') as { checks: unknown[] }).checks[0];
    const read = migrateFacts(old);
    expect(read.ok && read.value.version).toBe(2);
    expect(read.ok && read.value.notAsked?.findings).toContain('dane-none');
  });

  it('0.1.0 settings read field by field, unchanged (settings are still version 1)', () => {
    expect(migrateSettings(sample('0.1.0', 'settings'))).toEqual(sample('current', 'settings'));
    expect(migrateSettings(sample('current', 'settings'))).toEqual(sample('current', 'settings'));
  });

  it("0.1.0's recent lookups (a bare list) read as the versioned list", () => {
    const current = sample('current', 'recent') as { items: string[] };
    expect(migrateRecent(sample('0.1.0', 'recent'))).toEqual({ ok: true, value: { items: current.items, skipped: 0 } });
    expect(migrateRecent(current)).toEqual({ ok: true, value: { items: current.items, skipped: 0 } });
  });

  it("a 0.1.0 bulk job and its rows migrate to exactly today's, and today's (with a scorecard) read back unchanged", () => {
    const old = sample('0.1.0', 'bulk-job') as BulkSample;
    const current = sample('current', 'bulk-job') as BulkSample;
    expect(migrateBulkJob(old.job)).toEqual({ ok: true, value: { ...(current.job as object), done: 2 } });
    expect(old.rows.map(migrateBulkRow)).toEqual(current.rows.slice(0, 2).map((value) => ({ ok: true, value })));
    expect(migrateBulkJob(current.job)).toEqual({ ok: true, value: current.job });
    expect(current.rows.map(migrateBulkRow)).toEqual(current.rows.map((value) => ({ ok: true, value })));
  });

  it('kept explanations: a bare list (the first builds of this wave) and the versioned list read the same', () => {
    const current = sample('current', 'kept-explanations') as { items: unknown[] };
    expect(migrateKept(current.items)).toEqual({ ok: true, value: { items: current.items, skipped: 0 } });
    expect(migrateKept(current)).toEqual({ ok: true, value: { items: current.items, skipped: 0 } });
  });
});

describe('a stored record that does not read is skipped, with a reason, and the rest loads', () => {
  const history = sample('current', 'history-record') as Record<string, unknown> & { checks: Record<string, unknown>[] };
  const watch = sample('current', 'watch-entry') as Record<string, unknown>;

  it('history: hand-edited, truncated, from a newer MXray, not an object', () => {
    const damaged: [unknown, RegExp][] = [
      [{ ...history, checks: 'x' }, /history record of example.com has no checks/],
      [{ ...history, checks: [{ ...history.checks[0], mx: [{ host: 1 }] }] }, /check 1: "mx" must be/],
      [{ ...history, lastCheckedAt: undefined }, /no time of its last check/],
      [{ name: 'example.com' }, /no display name/],
      [{ ...history, version: 3 }, /from a newer MXray \(version 3; this one reads up to 2\)/],
      [{ ...history, version: 'two' }, /not a whole number/],
      [{ ...history, checks: [{ ...history.checks[0], version: 9 }] }, /facts of a check is from a newer MXray/],
      ['{"name": "example.com", "checks": [', /not an object/],
      [null, /not an object/],
    ];
    for (const [raw, reason] of damaged) {
      const read = migrateHistoryRecord(raw);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.reason).toMatch(reason);
    }
    const list = readAll(migrateHistoryRecord, [history, ...damaged.map(([raw]) => raw), { ...history, name: 'example.org' }]);
    expect(list.values.map((r) => r.name)).toEqual(['example.com', 'example.org']);
    expect(list.skipped).toBe(damaged.length);
  });

  it('watch: a damaged entry is skipped (status, log, last facts, newer version), the others read', () => {
    const damaged = [
      { ...watch, status: 'exploded' },
      { ...watch, log: [{ at: 'yesterday' }] },
      { ...watch, lastFacts: { version: 1, name: 'example.com' } },
      { ...watch, version: 7 },
      { ...watch, everyMinutes: '360' },
    ];
    for (const raw of damaged) expect(migrateWatchEntry(raw).ok).toBe(false);
    const list = readAll(migrateWatchEntry, [...damaged, watch]);
    expect(list).toMatchObject({ values: [watch], skipped: 5 });
  });

  it('bulk: a damaged row is left out, a damaged job does not read', () => {
    const current = sample('current', 'bulk-job') as BulkSample;
    expect(migrateBulkRow({ index: 4, result: { domain: 'example.com' } }).ok).toBe(false);
    expect(migrateBulkRow({ index: -1, result: (current.rows[0] as { result: unknown }).result }).ok).toBe(false);
    expect(migrateBulkRow({ ...(current.rows[0] as object), version: 3 }).ok).toBe(false);
    expect(migrateBulkJob({ ...(current.job as object), input: { domains: 'all of them' } }).ok).toBe(false);
    expect(readAll(migrateBulkRow, [...current.rows, { index: 9 }]).skipped).toBe(1);
  });

  it('kept explanations and recent lookups: a bad item is left out and counted; a newer list does not read', () => {
    const current = sample('current', 'kept-explanations') as { items: unknown[] };
    expect(migrateKept({ version: 2, items: [...current.items, { verdict: 3 }, 'x'] })).toEqual({ ok: true, value: { items: current.items, skipped: 2 } });
    expect(migrateKept({ version: 5, items: current.items })).toMatchObject({ ok: false, reason: expect.stringMatching(/newer MXray/) as unknown });
    expect(migrateKept(undefined)).toEqual({ ok: true, value: { items: [], skipped: 0 } });
    expect(migrateRecent(['example.com', 42, 'example.org'])).toEqual({ ok: true, value: { items: ['example.com', 'example.org'], skipped: 1 } });
  });

  it('settings from a newer MXray: read field by field; writing them back keeps its fields and version', () => {
    const newer = { ...(sample('current', 'settings') as object), version: 3, theme: 'light', futureSwitch: true };
    expect(newerSettingsVersion(newer)).toBe(3);
    const read = migrateSettings(newer);
    expect(read).toMatchObject({ version: 1, theme: 'light' });
    expect(settingsToStore({ ...read, theme: 'dark' }, newer)).toEqual({ ...newer, theme: 'dark', version: 3 });
    expect(settingsToStore(read, sample('current', 'settings'))).toEqual(read);
  });
});
