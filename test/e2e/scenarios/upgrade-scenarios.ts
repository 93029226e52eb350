// Upgrades keep everything (issue #25): release 0.1.0, built from its git tag, is installed in a
// real profile and filled the way a person fills it, through its own pages: settings changed on
// the options page, lookups on the result page, 50 watched names checked before and after their
// zone changed (a change log each), a bulk run paused part way. Then this
// build is installed over it (same extension id, same profile: drivers/driver.ts, installUpdate)
// and everything is read back as a person sees it: the settings, the 50 names with their logs,
// an alarm per name and a check that comes due, the history and a new lookup's "Since last
// time…" (no change invented from what 0.1.0 never asked), the paused bulk run resumed to its
// end with the rows from before kept. The log shows what was stored before and what is read after.
// Written once; upgrade.e2e.test.ts runs it in Chromium, firefox/upgrade.e2e.test.ts in Firefox.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildRelease, RELEASES } from '../../../scripts/build-release.mjs';
import '../../stack/stack-info';
import { editZone } from '../../stack/zone-edit';
import type { WatchEntry } from '../../../src/core/history/watch-schedule';
import type { Settings } from '../../../src/shared/settings';
import type { HistoryRowMessage } from '../../../src/shared/watch-messages';
import type { Driver, DriverKind, View } from '../drivers/driver';
import { REPO_ROOT } from '../harness/paths';
import { readFooter, waitForDone } from '../harness/read-report';
import {
  alarms,
  ask,
  storedBulkJobShape,
  bulkAttachReply,
  askAll,
  historyViewNames,
  ringSoon,
  storedBulkRows,
  storedSummary,
  watchViewLogs,
  type StoredSummary,
} from './upgrade-readers';

const OLD = '0.1.0';
const NEW = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** A shallow clone has no 0.1.0 to build: the one case this test skips, saying so. */
const oldCommitHere = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${RELEASES[OLD]}^{commit}`], { cwd: REPO_ROOT }).status === 0;
const SKIPPED = `skipped: release ${OLD} (commit ${RELEASES[OLD]!.slice(0, 7)}) is not in this clone's git history (a shallow clone?); \`git fetch --unshallow --tags\` lets it run`;

/**
 * The settings the person chooses under 0.1.0, none of them a default. PTR stays on: with it off,
 * every PTR is "skipped" and the diff counts no finding's change at all (diff-facts.ts, hasGaps),
 * which would hide the very findings this test must not see invented.
 */
const CHOSEN = { resolver: { id: 'google' }, fallback: false, theme: 'dark', dkimSelectors: ['upgrade1', 'upgrade2'] } as const;
/**
 * Looked up on 0.1.0's result page and unchanged since: after the upgrade nothing may read as a
 * change. dane-unsigned.test publishes TLSA records, which 0.1.0 never asked (this build does,
 * and warns that senders ignore them in an unsigned zone): "not checked before", never "new".
 */
const UNCHANGED = ['one-mx.test', 'dane-unsigned.test'];
/** Looked up on 0.1.0's result page too, and again after the upgrade to see the settings in force. */
const IN_FORCE = 'five-mx.test';
const LOOKED_UP = [...UNCHANGED, IN_FORCE];
/**
 * Long enough to be paused a few domains in with most of it to go (32 lookups are under way at
 * once, and finish after the pause): every bulk-NNN.test and 100 names under bulk-wild.test.
 */
const BULK = [
  ...Array.from({ length: 200 }, (_, i) => `bulk-${String(i + 1).padStart(3, '0')}.test`),
  ...Array.from({ length: 100 }, (_, i) => `d${i + 1}.bulk-wild.test`),
];

export function upgradeScenarios(kind: DriverKind): void {
  const stack = inject('stack');
  const label = `up-${kind.name}`;
  const zone = 'changes.test';
  const WATCHED = Array.from({ length: 50 }, (_, i) => `n${String(i).padStart(2, '0')}.${label}.${zone}`);
  /** Looked up on the result page before and after the zone change, under 0.1.0, then again under this build. */
  const CHANGING = `h00.${label}.${zone}`;
  const host = (n: 1 | 2) => `mx${n}.${label}.${zone}`;
  const address = (n: 1 | 2) => `192.0.2.${(kind.name === 'chromium' ? 240 : 242) + n}`;
  /** The wildcard under which the 50 names live points its MX at mx1 or mx2 (test/zones/changes.test.zone). */
  const pointAt = (n: 1 | 2) =>
    editZone(stack, zone, [
      { op: 'unset', owner: `*.${label}`, type: 'MX' },
      { op: 'set', owner: `*.${label}`, type: 'MX', data: `10 mx${n}.${label}`, ttl: 1 },
    ]);
  /** What a name's move from mx<from> to mx<to> reads (sorted, as readSummary gives them). */
  const moved = (from: 1 | 2, to: 1 | 2) => [`${host(from)} (10) was removed`, `${host(to)} (10) was added (${address(to)})`].sort();

  let driver: Driver;
  let oldBuild: string;
  let pointsAt: 1 | 2 = 1;
  let before: StoredSummary;
  let bulkBefore: Record<number, unknown>;
  /** What 0.1.0's result page said when CHANGING moved from mx1 to mx2. */
  let changedUnderOld: string;

  const page = (path: string) => driver.openExtensionPage(path);
  const batches = <T>(list: readonly T[], size: number) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
  /**
   * Checks every watched name now, ten at a time (more at once only competes for the worker), as
   * "Check now" does; a check that got no answer (a time-out on a loaded machine: "retrying", no
   * change) is checked once more, as a person would click again, and said in the log.
   */
  async function checkAll(view: View): Promise<WatchEntry[]> {
    const check = (names: readonly string[]) =>
      askAll<WatchEntry>(
        view,
        names.map((name) => ({ request: 'checkWatchNow', payload: { name } })),
      );
    const entries: WatchEntry[] = [];
    for (const batch of batches(WATCHED, 10)) entries.push(...(await check(batch)));
    const failed = entries.filter((entry) => entry.status === 'retrying').map((entry) => entry.name);
    if (failed.length > 0) {
      console.log(
        `${kind.name}: checked again after no answer: ${failed.map((name) => `${name} (${entries.find((e) => e.name === name)?.lastError})`).join(', ')}`,
      );
      for (const again of await check(failed)) entries[entries.findIndex((entry) => entry.name === again.name)] = again;
    }
    return entries;
  }
  /**
   * A change summary ("Since …: a; b; findings: 2 new") read apart: the changes it names, sorted,
   * and the sentences after them about the older version's check, which are no change: checks it
   * never made ("Not checked before …") and findings its rules judged otherwise ("Judged by this
   * MXray's rules …").
   */
  const readSummary = (summary: string) => {
    const [changes = '', ...olderChecks] = summary.replace(/^.*?Since [^:]*: /, '').split(/\.?\s*(?=Not checked before\b|Judged by this MXray's rules\b)/i);
    return {
      changes: changes
        .split('; ')
        .filter((item) => item !== '')
        .sort(),
      olderChecks: olderChecks.join(' '),
    };
  };
  const itemsOf = (summary: string) => readSummary(summary).changes;
  /**
   * The facts a 0.1.0 change names, without the added host's address: under load a check's
   * address question can time out, and the host is then said to be added without it.
   */
  const movedFacts = (summary: string) =>
    itemsOf(summary)
      .filter((item) => !item.startsWith('findings: '))
      .map((item) => item.replace(/ \(192\.0\.2\.\d+\)$/, ''));
  const movedWithoutAddress = (from: 1 | 2, to: 1 | 2) => moved(from, to).map((item) => item.replace(/ \(192\.0\.2\.\d+\)$/, ''));
  const withoutAddress = (items: readonly string[]) => items.map((item) => item.replace(/ \(192\.0\.2\.\d+\)$/, ''));
  /**
   * A summary from this build diffed against 0.1.0's facts says the DNS change 0.1.0 said
   * (`reference`, mx1 -> mx2) made the other way, and nothing more: what 0.1.0 never asked (DANE)
   * is at most "not checked before", and the findings 0.1.0's rules judged are this build's to
   * judge again ("Judged by this MXray's rules …"), never counted across the upgrade.
   */
  const expectUndone = (summary: string, reference: string, what: string) => {
    const read = readSummary(summary);
    console.log(`${kind.name}: ${what}: ${summary}`);
    expect(movedFacts(reference), `${what}: 0.1.0 said ${reference}`).toEqual(movedWithoutAddress(1, 2));
    expect(withoutAddress(read.changes), `${what}: ${summary}`).toEqual(movedWithoutAddress(2, 1));
  };
  /**
   * Looks `name` up on the result page and returns what "Since last time…" says, or '' when it
   * says nothing. The banner comes with a chunk of its own: given `changed`, wait for it.
   */
  async function sinceLastTime(name: string, changed = false): Promise<string> {
    const helper = await page('options.html');
    const checksOf = async () => (await ask<HistoryRowMessage[]>(helper, 'listHistory')).find((row) => row.name === name)?.checks ?? 0;
    const kept = await checksOf();
    const result = await page(`popup.html?q=${name}`);
    await waitForDone(result.scope);
    // The facts are kept, then "Since last time…" is sent in the same task: once history has the check, the banner is on its way.
    await expect.poll(checksOf, { timeout: 10_000 }).toBe(kept + 1);
    const banner = result.scope.getByRole('region', { name: 'Since last time' });
    await banner.waitFor({ timeout: changed ? 10_000 : 1_000 }).catch(() => undefined);
    const text = (await banner.count()) > 0 ? ((await banner.locator('p').textContent()) ?? '') : '';
    await result.close();
    await helper.close();
    return text;
  }

  beforeAll(async () => {
    if (!oldCommitHere) return;
    oldBuild = buildRelease(OLD, join(REPO_ROOT, '.cache', 'releases', OLD)).out;
    driver = await kind.launch({ stack, extensionDir: join(oldBuild, kind.name) });
  }, 180_000);

  afterAll(async () => {
    await driver?.close();
    if (pointsAt !== 1) await pointAt(1).catch(() => undefined);
  });

  describe.skipIf(!oldCommitHere)(`${kind.name}: upgrade from ${OLD} to this build${oldCommitHere ? '' : ` (${SKIPPED})`}`, () => {
    it(`${OLD}: the person sets a resolver, no fallback, the dark theme and two DKIM selectors on the options page`, async () => {
      const options = await page('options.html');
      const page0 = options.scope;
      await page0.getByRole('radiogroup', { name: 'Resolver' }).waitFor();
      expect((await storedSummary(options)).version).toBe(OLD);
      await page0.getByRole('radio', { name: 'Google' }).check();
      await page0.getByRole('checkbox', { name: 'Fall back to other resolvers' }).click();
      await page0.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
      const selectors = page0.getByRole('textbox', { name: 'Extra DKIM selectors' });
      await selectors.fill(CHOSEN.dkimSelectors.join(' '));
      await selectors.press('Tab'); // they are saved when the field loses the focus
      await expect.poll(() => ask<Settings>(options, 'getSettings'), { timeout: 8_000 }).toMatchObject(CHOSEN);
      await options.close();
    }, 45_000);

    it(`${OLD}: lookups on the result page go into history`, async () => {
      for (const name of [...LOOKED_UP, CHANGING]) {
        const result = await page(`popup.html?q=${name}`);
        await waitForDone(result.scope);
        await result.close();
      }
    }, 45_000);

    it(`${OLD}: 50 names watched, checked, changed in DNS and checked again: a change log each`, async () => {
      const options = await page('options.html');
      for (const batch of batches(WATCHED, 25))
        await askAll(
          options,
          batch.map((input) => ({ request: 'watchName', payload: { input } })),
        );
      const first = await checkAll(options);
      expect(first.map((entry) => [entry.name, entry.lastError ?? entry.status, entry.lastFacts?.mx.map((mx) => mx.host)])).toEqual(
        WATCHED.map((name) => [name, 'ok', [host(1)]]),
      );
      await pointAt(2);
      pointsAt = 2;
      const second = await checkAll(options);
      for (const entry of second) {
        expect(entry.status, entry.name).toBe('changed');
        expect(entry.log, entry.name).toHaveLength(1);
        expect(movedFacts(entry.log[0]!.summary), entry.name).toEqual(movedWithoutAddress(1, 2));
      }
      expect((await alarms(options)).filter((alarm) => alarm.name.startsWith('watch:'))).toHaveLength(50);
      await options.close();
      // The result page tells the same move for a name it looked up before.
      changedUnderOld = await sinceLastTime(CHANGING, true);
      console.log(`${kind.name}: ${OLD}'s "Since last time" for ${CHANGING}: ${changedUnderOld}`);
      expect(changedUnderOld).toMatch(/^Changed\. /);
      expect(movedFacts(changedUnderOld)).toEqual(movedWithoutAddress(1, 2));
    }, 120_000);

    it(`${OLD}: a bulk run of ${BULK.length} domains paused part way on the bulk page`, async () => {
      const bulk = await page('bulk.html');
      const scope = bulk.scope;
      const box = scope.getByRole('textbox', { name: /Paste addresses or domains/ });
      await driver.paste(box, BULK.join('\n'));
      await expect.poll(() => box.inputValue()).toBe(BULK.join('\n'));
      await scope.getByRole('button', { name: 'Check the list' }).click();
      const progress = scope.getByRole('progressbar', { name: 'Domains checked' });
      await expect.poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
      await scope.getByRole('button', { name: 'Pause' }).click();
      await scope.getByText(/^Paused$/).waitFor();
      // Lookups under way when it paused still finish and are saved: wait until the page and the store agree.
      let shown = -1;
      await expect
        .poll(
          async () => {
            const stored = Object.keys(await storedBulkRows(bulk)).length;
            const now = Number(await progress.getAttribute('aria-valuenow'));
            const settled = now === stored && now === shown;
            shown = now;
            return settled;
          },
          { timeout: 20_000, interval: 500 },
        )
        .toBe(true);
      bulkBefore = await storedBulkRows(bulk);
      expect(Object.keys(bulkBefore).length).toBeGreaterThanOrEqual(4);
      expect(Object.keys(bulkBefore).length).toBeLessThan(BULK.length);
      await bulk.close();
    }, 90_000);

    it(`stored before the upgrade, then ${NEW} installed over ${OLD} (same id, same profile)`, async () => {
      const options = await page('options.html');
      before = await storedSummary(options);
      console.log(`${kind.name}: stored before the upgrade (MXray ${before.version}):\n${JSON.stringify(before, null, 2)}`);
      expect(before).toMatchObject({
        version: OLD,
        settings: CHOSEN,
        history: { names: WATCHED.length + LOOKED_UP.length + 1 },
        watch: { names: 50, logEntries: 50, withFacts: 50 },
        bulk: { status: 'paused', total: BULK.length, rows: Object.keys(bulkBefore).length },
      });
      await options.close();
      await driver.goto('about:blank'); // no MXray page in the person's tab while it updates
      await driver.installUpdate(join(REPO_ROOT, 'dist', kind.name));
      const after = await page('options.html');
      const read = await storedSummary(after);
      console.log(`${kind.name}: read after the upgrade (MXray ${read.version}):\n${JSON.stringify(read, null, 2)}`);
      expect(read.version).toBe(NEW);
      expect(read.id).toBe(before.id);
      // Every store as it was; storage.local may gain keys of the new version's own, never lose one.
      expect(read.settings).toMatchObject({ ...(before.settings as object), version: expect.any(Number) });
      expect({ history: read.history, watch: read.watch, bulk: read.bulk }).toEqual({
        history: before.history,
        watch: before.watch,
        bulk: before.bulk,
      });
      expect(read.localKeys).toEqual(expect.arrayContaining(before.localKeys));
      await after.close();
    }, 60_000);

    it(`${NEW}: the options page shows the settings as they were set`, async () => {
      const options = await page('options.html');
      const scope = options.scope;
      await scope.getByRole('radiogroup', { name: 'Resolver' }).waitFor();
      expect(await scope.getByRole('radio', { name: 'Google' }).isChecked()).toBe(true);
      expect(await scope.getByRole('checkbox', { name: 'Fall back to other resolvers' }).isChecked()).toBe(false);
      expect(await scope.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('dark');
      expect((await scope.getByRole('textbox', { name: 'Extra DKIM selectors' }).inputValue()).split(/\s+/)).toEqual(CHOSEN.dkimSelectors);
      await options.close();
      // And in force: a lookup goes to Google, in the dark theme though the system is light
      // (not one of UNCHANGED: the History test needs their last facts to be 0.1.0's).
      const result = await page(`popup.html?q=${IN_FORCE}`);
      await result.colorScheme('light');
      await waitForDone(result.scope);
      expect(await readFooter(result.scope)).toMatch(/^via Google\b/);
      const background = await result.evaluate((window) => window.getComputedStyle(window.document.body).backgroundColor);
      expect(
        background
          .match(/\d+/g)!
          .slice(0, 3)
          .map(Number)
          .every((channel) => channel < 80),
        background,
      ).toBe(true);
      await result.close();
    }, 45_000);

    it(`${NEW}: the Watch view lists all 50 names, each with its change log from ${OLD}`, async () => {
      const view = await page('options.html#watch');
      await expect.poll(async () => Object.keys(await watchViewLogs(view)).length, { timeout: 10_000 }).toBe(50);
      const logs = await watchViewLogs(view);
      expect(Object.keys(logs).sort()).toEqual(WATCHED);
      for (const name of WATCHED) {
        expect(logs[name], name).toHaveLength(1);
        expect(movedFacts(logs[name]![0]!), name).toEqual(movedWithoutAddress(1, 2));
      }
      await view.close();
    }, 45_000);

    it(`${NEW}: an alarm for every watched name, and checks that come due run (Check now, and an alarm ringing)`, async () => {
      const view = await page('options.html#watch');
      const watchAlarms = async () => (await alarms(view)).filter((alarm) => alarm.name.startsWith('watch:')).map((alarm) => alarm.name.slice(6));
      await expect.poll(async () => (await watchAlarms()).sort(), { timeout: 10_000 }).toEqual(WATCHED);
      await pointAt(1);
      pointsAt = 1;
      // Check now, on the Watch view, as a person does.
      const [byButton, byAlarm] = WATCHED as [string, string];
      await view.scope.getByRole('listitem', { name: byButton }).getByRole('button', { name: 'Check now' }).click();
      await expect.poll(async () => (await watchViewLogs(view))[byButton]?.length, { timeout: 15_000 }).toBe(2);
      // The other comes due: its alarm rings.
      await ringSoon(view, byAlarm);
      await expect.poll(async () => (await watchViewLogs(view))[byAlarm]?.length, { timeout: 15_000 }).toBe(2);
      const logs = await watchViewLogs(view);
      for (const name of [byButton, byAlarm]) {
        // Newest first: the move back, told as 0.1.0 told the move there, and nothing more.
        expect(logs[name], name).toHaveLength(2);
        expectUndone(logs[name]![0]!, logs[name]![1]!, `the log of ${name} after the upgrade`);
      }
      const next = (await alarms(view)).find((alarm) => alarm.name === `watch:${byAlarm}`);
      expect(next!.scheduledTime - Date.now()).toBeGreaterThan(5 * 3600_000); // the next check, 6 hours on
      await view.close();
    }, 60_000);

    it(`${NEW}: the History view lists every name; a new lookup diffs against ${OLD}'s facts without inventing changes`, async () => {
      const view = await page('options.html#history');
      const all = [...LOOKED_UP, CHANGING, ...WATCHED].sort();
      await expect.poll(async () => (await historyViewNames(view)).length, { timeout: 10_000 }).toBe(all.length);
      expect((await historyViewNames(view)).sort()).toEqual(all);
      await view.close();
      // Not changed since 0.1.0 looked them up: nothing may read as a change.
      for (const name of UNCHANGED) {
        const unchanged = await sinceLastTime(name);
        console.log(`${kind.name}: "Since last time" for ${name} (unchanged since ${OLD}): ${unchanged || '(nothing)'}`);
        expect(itemsOf(unchanged), `${name}: ${unchanged}`).toEqual([]);
      }
      // CHANGING moved back to mx1 since 0.1.0 last looked it up: that, told as 0.1.0 told the move there.
      const changed = await sinceLastTime(CHANGING, true);
      expect(changed).toMatch(/^Changed\. /);
      expectUndone(changed, changedUnderOld, `"Since last time" for ${CHANGING} (moved back since ${OLD})`);
    }, 60_000);

    it(`${NEW}: the bulk run paused under ${OLD} resumes and finishes, the rows from before kept`, async () => {
      const bulk = await page('bulk.html');
      const scope = bulk.scope;
      const progress = scope.getByRole('progressbar', { name: 'Domains checked' });
      await scope
        .getByText(/^Paused$/)
        .waitFor()
        .catch(async (error: unknown) => {
          throw new Error(
            `the bulk page shows no paused run; it reads: ${await bulk.evaluate((w) => w.document.body.innerText.slice(0, 600))}; the stored job: ${await storedBulkJobShape(bulk)}; the worker answers an attach with: ${await bulkAttachReply(bulk)}`,
            {
              cause: error,
            },
          );
        });
      expect(Number(await progress.getAttribute('aria-valuenow'))).toBe(Object.keys(bulkBefore).length);
      expect(await progress.getAttribute('aria-valuemax')).toBe(String(BULK.length));
      await scope.getByRole('button', { name: 'Resume' }).click();
      await expect.poll(() => scope.getByText(/^Done$/).count(), { timeout: 60_000 }).toBe(1);
      expect(Number(await progress.getAttribute('aria-valuenow'))).toBe(BULK.length);
      const rows = await storedBulkRows(bulk);
      expect(Object.keys(rows)).toHaveLength(BULK.length);
      // Kept as 0.1.0 saved them, not checked again.
      for (const [index, row] of Object.entries(bulkBefore)) expect(rows[Number(index)], `row ${index}`).toEqual(row);
      expect(
        Object.values(rows)
          .map((row) => (row as { domain: string }).domain)
          .sort(),
      ).toEqual([...BULK].sort());
      await bulk.close();
    }, 90_000);
  });
}
