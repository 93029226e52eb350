import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, buildBackup, type Backup } from './backup';
import { planReplacement } from './backup-plan';
import { readBackup } from './backup-read';
import { migrateSettings } from './settings-record';

const sample = (release: string, name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/stored/${release}/${name}.json`, import.meta.url), 'utf8'));

function backup(): Backup {
  return buildBackup(
    {
      settings: migrateSettings(sample('current', 'settings')),
      watch: [sample('current', 'watch-entry') as Backup['watch'][number]],
      history: [sample('current', 'history-record') as Backup['history'][number]],
      keptExplanations: (sample('current', 'kept-explanations') as { items: Backup['keptExplanations'] }).items,
      recent: ['example.com', 'example.org'],
    },
    1767225600000,
    '0.2.0',
  );
}

describe('the backup file', () => {
  it('reads back exactly what was exported', () => {
    expect(readBackup(JSON.stringify(backup()))).toEqual({ ok: true, value: backup() });
    expect(backupFileName(1767225600000)).toBe('mxray-backup-2026-01-01.json');
  });

  it("brings 0.1.0's records inside a backup up to date through the same migrations as storage", () => {
    const old = { ...backup(), watch: [sample('0.1.0', 'watch-entry')], history: [sample('0.1.0', 'history-record')] };
    expect(readBackup(JSON.stringify(old))).toEqual({ ok: true, value: backup() });
  });

  it('refuses a bad file whole, naming the section and the record', () => {
    const good = backup();
    const cases: [string, RegExp][] = [
      ['', /not JSON/],
      ['{"format": "mxray-backup", "version": 1, "watch": [', /not JSON/],
      ['[]', /not an MXray backup/],
      [JSON.stringify({ format: 'mxray-facts', version: 2, names: [] }), /a watch list \(a facts file\), not a backup/],
      [JSON.stringify({ ...good, version: 2 }), /newer MXray \(backup version 2; this one reads up to 1\)/],
      [JSON.stringify({ ...good, version: 0 }), /version \(0\)/],
      [JSON.stringify({ ...good, settings: 'dark' }), /settings section/],
      [JSON.stringify({ ...good, watch: {} }), /watch section is not a list/],
      [JSON.stringify({ ...good, watch: [...good.watch, { ...good.watch[0], status: 'odd' }] }), /watch entry 2 does not read: .*example.com: "status"/],
      [JSON.stringify({ ...good, watch: [...good.watch, good.watch[0]] }), /watch entry 2: example.com is in the watch list twice/],
      [JSON.stringify({ ...good, history: [{ ...good.history[0], checks: [] }] }), /history record 1 does not read: .*has no checks/],
      [JSON.stringify({ ...good, history: [{ ...good.history[0], version: 3 }] }), /history record 1 does not read: .*newer MXray/],
      [JSON.stringify({ ...good, keptExplanations: [{ verdict: 'x' }] }), /kept explanation 1 does not read/],
      [JSON.stringify({ ...good, recent: [1] }), /recent lookup 1 is not text/],
      [JSON.stringify({ ...good, exportedAt: 'today' }), /"exportedAt"/],
    ];
    for (const [text, reason] of cases) {
      const read = readBackup(text);
      expect(read.ok, text.slice(0, 80)).toBe(false);
      if (!read.ok) {
        expect(read.reason).toMatch(reason);
        expect(read.reason).toMatch(/^This file cannot be imported: .*\. Nothing was changed\.$/s);
      }
    }
  });

  it('never throws: any truncation of a good file, any value put anywhere', () => {
    const text = JSON.stringify(backup());
    fc.assert(
      fc.property(fc.nat(text.length), (cut) => {
        expect(() => readBackup(text.slice(0, cut))).not.toThrow();
      }),
      { numRuns: 300 },
    );
    const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
      typeof value === 'object' && value !== null
        ? [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, Array.isArray(value) ? Number(k) : k]))]
        : [prefix];
    const all = paths(backup()).filter((p) => p.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.anything(), (path, replacement) => {
        const copy = structuredClone(backup()) as unknown as Record<string | number, unknown>;
        let target = copy;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
        target[path.at(-1)!] = replacement;
        let read: ReturnType<typeof readBackup> | undefined;
        expect(() => (read = readBackup(JSON.stringify(copy)))).not.toThrow();
        if (read && !read.ok) expect(read.reason).toMatch(/Nothing was changed\.$/);
      }),
      { numRuns: 250 },
    );
  });

  it('says what an import replaces, per section', () => {
    expect(planReplacement({ watch: 3, history: 120, keptExplanations: 0, recent: 1 }, backup()).map((row) => row.text)).toEqual([
      'Settings: replaced by the ones in the file',
      'Watch list: 3 names now, 1 name in the file',
      'History: 120 names now, 1 name in the file',
      'Kept explanations: 0 explanations now, 1 explanation in the file',
      'Recent lookups: 1 lookup now, 2 lookups in the file',
    ]);
  });
});
