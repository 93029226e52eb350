// "Back up and restore" (issue #25) as a person does it on the options page: in one profile a
// lookup (history), a watched name with a real check, a dark theme; "Export everything" saves
// one file; a fresh profile refuses a damaged copy of it without changing anything, then shows
// what the good one replaces and, on Replace, has the watch list (with its alarm), the history
// and the settings. Written once; backup.e2e.test.ts runs it in Chromium, firefox/backup.e2e.test.ts in Firefox.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../stack/stack-info';
import { waitForDone } from '../harness/read-report';
import type { Driver, DriverKind, Scope, View } from '../drivers/driver';

const NAME = 'one-mx.test';
/** Each test launches its own browser (a profile of its own), which beforeAll does in the other scenarios. */
const LAUNCH_AND_WORK_MS = 120_000;

export function backupScenarios(kind: DriverKind): void {
  const stack = inject('stack');
  let driver: Driver | undefined;
  let files: string;
  let exported: { name: string; text: string } | undefined;

  beforeAll(() => {
    files = mkdtempSync(join(tmpdir(), 'mxray-backup-files-'));
  });

  afterAll(async () => {
    await driver?.close();
    rmSync(files, { recursive: true, force: true });
  });

  const file = (name: string, text: string) => {
    const path = join(files, name);
    writeFileSync(path, text);
    return path;
  };

  /** The watch alarm of a name, asked from an extension page (the worker may be stopped). */
  const alarmOf = (view: View) =>
    view.evaluate(async (window) => {
      const api = (window as unknown as { browser?: typeof chrome }).browser ?? window.chrome;
      const alarm = await api.alarms.get('watch:one-mx.test');
      return alarm ? alarm.scheduledTime : undefined;
    });

  const historyNames = (page: Scope) => page.locator('#history .history-table tbody th').allTextContents();
  const watchNames = (page: Scope) => page.locator('#watch .watch-entry .name').allTextContents();

  describe(`${kind.name}: back up and restore`, () => {
    it(
      'exports everything from a profile in use',
      async () => {
        driver = await kind.launch({ stack });
        const report = await driver.openExtensionPage(`popup.html?q=${NAME}`);
        await waitForDone(report.scope);
        await report.close();

        const options = await driver.openExtensionPage('options.html');
        const page = options.scope;
        await page.locator('#watch').waitFor();
        // A watched name from a watch list file (the Watch view's own import), then a real check of it.
        await options.chooseFile(
          '#watch input[type="file"]',
          file('watch.json', JSON.stringify({ format: 'mxray-facts', version: 2, savedAt: 1, names: [], watch: [{ name: NAME, everyMinutes: 60 }] })),
        );
        await page.getByText('1 name imported').waitFor();
        await page.getByRole('button', { name: 'Check now' }).click();
        await page.getByText(`${NAME} checked`).waitFor();
        await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
        await page
          .getByRole('status')
          .filter({ hasText: /^Saved/ })
          .waitFor();
        expect(await historyNames(page)).toEqual([NAME]);

        exported = await options.download(() => page.getByRole('button', { name: 'Export everything' }).click());
        expect(exported.name).toMatch(/^mxray-backup-\d{4}-\d{2}-\d{2}\.json$/);
        const backup = JSON.parse(exported.text) as Record<string, unknown> & {
          watch: { name: string; lastFacts?: unknown }[];
          history: { name: string; checks: unknown[] }[];
          settings: { theme: string };
        };
        expect(backup).toMatchObject({ format: 'mxray-backup', version: 1, settings: { theme: 'dark' } });
        expect(backup.watch.map((w) => w.name)).toEqual([NAME]);
        expect(backup.watch[0]!.lastFacts).toBeDefined();
        expect(backup.history.map((h) => h.name)).toEqual([NAME]);
        // The check the watch ran is in the history too: the lookup and the check.
        expect(backup.history[0]!.checks.length).toBe(2);
        await options.screenshot(kind.name === 'firefox' ? 'firefox-options-backup' : 'options-backup');
        await driver.close();
        driver = undefined;
      },
      LAUNCH_AND_WORK_MS,
    );

    it(
      'refuses a damaged file in a fresh profile, changing nothing, then restores the good one after saying what it replaces',
      async () => {
        expect(exported, 'the export above failed').toBeDefined();
        driver = await kind.launch({ stack });
        const options = await driver.openExtensionPage('options.html');
        const page = options.scope;
        await page.locator('#backup').waitFor();
        expect(await page.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('system');

        const damaged = JSON.parse(exported!.text) as { history: Record<string, unknown>[] };
        damaged.history[0]!.checks = 'lost';
        await options.chooseFile('input[aria-label="Import a backup"]', file('damaged.json', JSON.stringify(damaged)));
        const problem = page.locator('#backup').getByRole('alert');
        await problem.waitFor();
        expect(await problem.textContent()).toBe(
          `This file cannot be imported: history record 1 does not read: the history record of ${NAME} has no checks. Nothing was changed.`,
        );
        await options.chooseFile('input[aria-label="Import a backup"]', file('cut.json', exported!.text.slice(0, 400)));
        await page
          .locator('#backup')
          .getByRole('alert')
          .filter({ hasText: /it is not JSON/ })
          .waitFor();
        expect(await page.getByRole('button', { name: 'Replace' }).count()).toBe(0);
        expect(await watchNames(page)).toEqual([]);
        expect(await alarmOf(options)).toBeUndefined();

        await options.chooseFile('input[aria-label="Import a backup"]', file(exported!.name, exported!.text));
        const plan = page.getByRole('group', { name: new RegExp(`Importing ${exported!.name.replace(/\./g, '\\.')} replaces`) });
        await plan.waitFor();
        expect(await plan.getByRole('listitem').allTextContents()).toEqual([
          'Settings: replaced by the ones in the file',
          'Watch list: 0 names now, 1 name in the file',
          'History: 0 names now, 1 name in the file',
          'Kept explanations: 0 explanations now, 0 explanations in the file',
          expect.stringMatching(/^Recent lookups: 0 lookups now, \d+ lookups? in the file$/) as unknown as string,
        ]);
        await options.screenshot(kind.name === 'firefox' ? 'firefox-options-import-plan' : 'options-import-plan', page.locator('#backup'));
        await page.getByRole('button', { name: 'Replace' }).click();
        await page.getByText(/^Imported: 1 watched names, 1 names of history/).waitFor();

        await page.locator('#watch .watch-entry').first().waitFor();
        expect(await watchNames(page)).toEqual([NAME]);
        await page.locator('#history .history-table').waitFor();
        expect(await historyNames(page)).toEqual([NAME]);
        await expect.poll(() => page.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('dark');
        // The worker set the imported name's alarm.
        expect(await alarmOf(options)).toBeGreaterThan(Date.now());
      },
      LAUNCH_AND_WORK_MS,
    );
  });
}
