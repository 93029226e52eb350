// History and the watch list in real Chromium (issue #14), against the real stack, with a zone
// that changes between two checks (knotc on the test stack's knotd):
// - a report says "Since last time…" when its facts differ from the last kept ones;
// - a watched name's alarm rings with the worker stopped and no MXray page open: the check
//   finds the change, the badge counts it, the notification shows (the person allowed it at the
//   real prompt), and the Watch view's change log reads right;
// - the browser restarted with the same profile keeps watching;
// - in a second profile where the person refused notifications: the badge alone.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FactsFile } from '../../src/core/history/facts-file';
import '../stack/stack-info';
import { editZone, type ZoneEdit } from '../stack/zone-edit';
import { saveScreenCapture } from './firefox/harness/screen-capture';
import { launchExtensionBrowser, openExtensionPage, WINDOW, type ExtensionBrowser } from './harness/browser';
import { movePointer, pressKeys } from './harness/keyboard';
import { REPO_ROOT } from './harness/paths';
import { waitForDone } from './harness/read-report';
import { readScreenRect, waitForScreenChange } from './harness/screen-change';
import { saveScreenshot } from './harness/screenshots';
import { stopServiceWorker } from './harness/service-worker';
import { recordTiming } from './harness/timing';
import { startSiteServer, type SiteServer } from './harness/site-server';

const stack = inject('stack');
const NAME = 'watch.changes.test';
const PROMPT_AREA = { x: WINDOW.width / 2 - 180, y: 100, width: 360, height: 170 };

const CHANGE: ZoneEdit[] = [
  { op: 'unset', owner: 'watch', type: 'MX', data: '20 mx2.watch', ttl: 1 },
  { op: 'set', owner: 'watch', type: 'MX', data: '30 mx3.watch', ttl: 1 },
  { op: 'unset', owner: 'watch', type: 'TXT' },
  { op: 'set', owner: 'watch', type: 'TXT', data: '"v=spf1 mx -all"', ttl: 1 },
  { op: 'unset', owner: '_dmarc.watch', type: 'TXT' },
  { op: 'set', owner: '_dmarc.watch', type: 'TXT', data: '"v=DMARC1; p=quarantine"', ttl: 1 },
];
const UNDO: ZoneEdit[] = [
  { op: 'unset', owner: 'watch', type: 'MX', data: '30 mx3.watch', ttl: 1 },
  { op: 'set', owner: 'watch', type: 'MX', data: '20 mx2.watch', ttl: 1 },
  { op: 'unset', owner: 'watch', type: 'TXT' },
  { op: 'set', owner: 'watch', type: 'TXT', data: '"v=spf1 mx ~all"', ttl: 1 },
  { op: 'unset', owner: '_dmarc.watch', type: 'TXT' },
  { op: 'set', owner: '_dmarc.watch', type: 'TXT', data: '"v=DMARC1; p=none"', ttl: 1 },
];

let site: SiteServer;
let fbdir: string;
let profile: string;
let browser: ExtensionBrowser;
let zoneChanged = false;

async function launch(userDataDir: string): Promise<ExtensionBrowser> {
  return launchExtensionBrowser({ stack, sitePort: site.port, person: true, xvfbArgs: ['-fbdir', fbdir], userDataDir });
}

beforeAll(async () => {
  site = await startSiteServer();
  fbdir = await mkdtemp(join(tmpdir(), 'mxray-watch-screen-'));
  profile = await mkdtemp(join(tmpdir(), 'mxray-watch-profile-'));
  browser = await launch(profile);
});

afterAll(async () => {
  await browser?.close();
  if (zoneChanged) await editZone(stack, 'changes.test', UNDO).catch(() => undefined);
  await site?.close();
  for (const dir of [fbdir, profile]) if (dir) await rm(dir, { recursive: true, force: true });
});

/** An extension page to ask the extension APIs from (the badge, the alarms, the notifications), as the worker may be stopped. */
async function extensionPage(b: ExtensionBrowser): Promise<Page> {
  return openExtensionPage(b, 'options.html');
}

const badge = (page: Page) => page.evaluate(() => chrome.action.getBadgeText({}));
const notifications = (page: Page) =>
  page.evaluate(
    () => new Promise<string[]>((resolve) => (chrome.notifications ? chrome.notifications.getAll((all) => resolve(Object.keys(all))) : resolve([]))),
  );
/** Rings the name's alarm now: the real alarm path (the schedule says 6 hours; a test cannot wait for that). */
const ringAlarm = (page: Page) => page.evaluate((name) => chrome.alarms.create(`watch:${name}`, { when: Date.now() + 300 }), NAME);

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('watch list and history (Chromium)', () => {
  it("watches a report's name, asking for notifications once at the real prompt (the person allows)", async () => {
    const page = await openExtensionPage(browser, `popup.html?q=${NAME}`);
    await waitForDone(page);
    await page.bringToFront();
    await movePointer(browser.display!, 640, 880);
    const button = page.getByRole('button', { name: 'Watch for changes' });
    await button.scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    const before = await readScreenRect(fbdir, PROMPT_AREA);
    await button.click();
    expect(await waitForScreenChange(fbdir, PROMPT_AREA, before), 'no permission prompt appeared').toBe(true);
    await page.waitForTimeout(600); // Allow is disabled for a moment after the prompt shows
    await saveScreenCapture(fbdir, 'watch-notification-permission-prompt');
    await pressKeys(browser.display!, 'Tab', 'Return'); // Deny has the focus; Tab to Allow
    await page.getByText('Watching: checked every 6 hours by default.').waitFor();
    expect(await page.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(true);
    const alarm = await page.evaluate((name) => chrome.alarms.get(`watch:${name}`), NAME);
    expect(alarm!.scheduledTime - Date.now()).toBeGreaterThan(5.9 * 3600_000);
    await page.close();
  });

  it('says "Since last time…" at the top of a report when the zone changed', async () => {
    await editZone(stack, 'changes.test', CHANGE);
    zoneChanged = true;
    const page = await openExtensionPage(browser, `popup.html?q=${NAME}`, { width: 640, height: 820 });
    const banner = page.getByRole('region', { name: 'Since last time' });
    await banner.waitFor();
    const text = (await banner.locator('p').textContent())!;
    expect(text).toMatch(/^Changed\. Since the last check \(just now\): /);
    expect(text).toContain('mx2.watch.changes.test (20) was removed');
    expect(text).toContain('mx3.watch.changes.test (30) was added (192.0.2.106)');
    expect(text).toContain('SPF now ends in -all instead of ~all');
    expect(text).toContain('DMARC policy went from none to quarantine');
    await banner.getByText('Old and new values').click();
    const row = banner.getByRole('row', { name: /DMARC/ });
    expect(await row.textContent()).toBe('DMARCv=DMARC1; p=nonev=DMARC1; p=quarantine');
    await saveScreenshot(page, 'report-since-last-time');
    await page.close();
  });

  it('the alarm rings with the worker stopped and no MXray page open: badge, notification, change log', async () => {
    const helper = await extensionPage(browser);
    expect(await badge(helper)).toBe('');
    await stopServiceWorker(browser, helper);
    await ringAlarm(helper);
    await helper.close();
    // No MXray page open while the alarm wakes the worker and the check runs.
    const blank = browser.context.pages()[0] ?? (await browser.context.newPage());
    await blank.goto('about:blank');
    expect(browser.context.pages().filter((p) => p.url().startsWith(browser.url('')))).toEqual([]);
    await blank.waitForTimeout(4_000);
    const probe = await openExtensionPage(browser, 'popup.html');
    await waitFor(
      () => badge(probe),
      (t) => t === '1',
      'badge',
    );
    const shown = await waitFor(
      () => notifications(probe),
      (ids) => ids.length === 1,
      'notifications',
    );
    expect(shown[0]).toMatch(new RegExp(`^watch:${NAME.replaceAll('.', '\\.')}:\\d+$`));
    await probe.close();
    // The notification pops up at the bottom right of the screen; with no window manager the
    // browser window stays above it, so make the window shorter to see it, as a person would.
    const session = await browser.context.newCDPSession(blank);
    const { windowId } = (await session.send('Browser.getWindowForTarget')) as { windowId: number };
    await session.send('Browser.setWindowBounds', { windowId, bounds: { height: 520 } });
    await session.detach();
    await blank.waitForTimeout(1500); // the notification slides in
    await saveScreenCapture(fbdir, 'watch-notification');

    const view = await openExtensionPage(browser, 'options.html#watch', { width: 900, height: 900 });
    const entry = view.getByRole('listitem', { name: NAME });
    const log = entry.getByRole('list', { name: `Changes of ${NAME}` });
    await log.waitFor();
    const items = await log.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(1);
    // The verdict stays "warn" on both sides: the zone publishes no DKIM key at all (_domainkey
    // answers NXDOMAIN, RFC 8020), which the DKIM section warns about before and after the change.
    expect(items[0]).toMatch(
      /: Since (the last check \(just now\)|\d+ minutes? ago): mx2\.watch\.changes\.test \(20\) was removed; mx3\.watch\.changes\.test \(30\) was added \(192\.0\.2\.106\); SPF now ends in -all instead of ~all; DMARC policy went from none to quarantine; findings: 1 new, 1 no longer reported$/,
    );
    expect(await entry.textContent()).toContain('Last check:');
    // Opening the Watch view marks the change seen: the badge clears.
    await waitFor(
      () => badge(view),
      (t) => t === '',
      'badge after the Watch view opened',
    );
    await view.locator('#watch').scrollIntoViewIfNeeded();
    await saveScreenshot(view.locator('#watch'), 'watch-view-change-log');
    await view.close();
  });

  it('keeps watching after the browser restarts with the same profile', async () => {
    // Firefox forgets alarms when it closes; Chrome keeps them. Clear them here, so the alarm
    // found after the restart is the one the worker re-created at its start.
    const before = await extensionPage(browser);
    await before.evaluate(() => chrome.alarms.clearAll());
    expect(await before.evaluate(() => chrome.alarms.getAll())).toEqual([]);
    await browser.close();
    browser = await launch(profile);
    const page = await extensionPage(browser);
    // The alarm is there again: the worker re-created it at start.
    await waitFor(
      () => page.evaluate((name) => chrome.alarms.get(`watch:${name}`).then((a) => a?.name ?? null), NAME),
      (n) => n !== null,
      'alarm after restart',
    );
    await editZone(stack, 'changes.test', UNDO);
    zoneChanged = false;
    await ringAlarm(page);
    await waitFor(
      () => badge(page),
      (t) => t === '1',
      'badge after restart',
    );
    const view = await openExtensionPage(browser, 'options.html#watch');
    const log = view.getByRole('list', { name: `Changes of ${NAME}` });
    await waitFor(
      () => log.getByRole('listitem').count(),
      (n) => n === 2,
      'change log entries',
    );
    expect(await log.getByRole('listitem').first().textContent()).toContain('mx2.watch.changes.test (20) was added');

    // Export: the CLI's facts file, which `mxray --since` reads (no change: the zone is as exported).
    const [download] = await Promise.all([view.waitForEvent('download'), view.getByRole('button', { name: 'Export watch list' }).click()]);
    const exported = join(profile, 'exported-watch-list.json');
    await download.saveAs(exported);
    const file = JSON.parse(await readFile(exported, 'utf8')) as FactsFile;
    expect(file).toMatchObject({ format: 'mxray-facts', version: 2, watch: [{ name: NAME, everyMinutes: 360 }] });
    expect(file.names.map((f) => [f.name, f.mx.map((m) => `${m.preference} ${m.host}`)])).toEqual([
      [NAME, ['10 mx1.watch.changes.test', '20 mx2.watch.changes.test']],
    ]);
    const cli = await runCli('--resolver', stack.dohUrl, '--since', exported, NAME);
    expect(cli.stdout).toMatch(/^watch\.changes\.test: no change since/m);
    expect(cli.code).toBe(0);
    // Import it back after stopping the watch: watched again, with those facts as the last ones.
    await view.getByRole('listitem', { name: NAME }).getByRole('button', { name: 'Stop watching' }).click();
    await view.getByText('No name is watched.').waitFor();
    // The watch list's own Import (the page has the backup's Import… too).
    await view.locator('#watch input[type="file"]').setInputFiles(exported);
    await view.getByText('1 name imported').waitFor();
    await view.getByRole('listitem', { name: NAME }).waitFor();
    const imported = await view.evaluate(() => chrome.runtime.sendMessage({ request: 'listWatches', payload: undefined }));
    expect(imported.value[0]).toMatchObject({ name: NAME, everyMinutes: 360, lastFacts: { name: NAME, checkedAt: file.names[0]!.checkedAt } });
    await view.close();
    await page.close();
  });
});

describe('the storage history costs (Chromium)', () => {
  it('measures 1,000 names of history in real IndexedDB, with 1 and with 20 checks each', async () => {
    const page = await extensionPage(browser);
    // The facts of a real check (watch.changes.test with the mail diagnostics), as the worker stored them.
    const facts = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('mxray');
        request.onsuccess = () => resolve(request.result);
      });
      const entry = await new Promise<{ checks: unknown[] }>((resolve) => {
        const get = db.transaction('history').objectStore('history').get('watch.changes.test');
        get.onsuccess = () => resolve(get.result);
      });
      db.close();
      return entry.checks[entry.checks.length - 1];
    });
    const figures: Record<string, number> = { factsJsonBytes: JSON.stringify(facts).length };
    // Each size in an origin of its own, so each has its own LevelDB folder to weigh (the
    // extension's origin holds the live stores, whose compactions would blur the figure).
    const idbDir = join(profile, 'Default', 'IndexedDB');
    for (const perName of [1, 20]) {
      const origin = `history-measure-${perName}.test`;
      const tab = await browser.context.newPage();
      await tab.goto(`http://${origin}/`);
      figures[`jsonBytes${perName}`] = await tab.evaluate(
        async ({ facts, perName }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('mxray', 1);
            request.onupgradeneeded = () => request.result.createObjectStore('history', { keyPath: 'name' }).createIndex('lastCheckedAt', 'lastCheckedAt');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          let json = 0;
          for (let batch = 0; batch < 10; batch++) {
            const tx = db.transaction('history', 'readwrite');
            for (let i = batch * 100; i < batch * 100 + 100; i++) {
              const domain = `name-${i}.example`;
              // Each name its own host names and records, as real data would be (not 1,000 copies).
              const own = JSON.parse(JSON.stringify(facts).replaceAll('watch.changes.test', domain)) as Record<string, unknown>;
              const checks = Array.from({ length: perName }, (_, k) => ({ ...own, checkedAt: Date.now() - k * 3600_000 }));
              const record = { name: domain, display: domain, lastCheckedAt: Date.now(), lastVerdict: 'ok', checks };
              json += JSON.stringify(record).length;
              tx.objectStore('history').put(record);
            }
            await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
          }
          db.close();
          return json;
        },
        { facts, perName },
      );
      await tab.waitForTimeout(3000); // LevelDB writes its log, then compacts it into tables
      const folders = (await readdir(idbDir)).filter((name) => name.startsWith(`http_${origin}_`));
      let bytes = 0;
      for (const folder of folders) bytes += await folderBytes(join(idbDir, folder));
      figures[`diskBytes${perName}`] = bytes;
      await tab.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const del = indexedDB.deleteDatabase('mxray');
            del.onsuccess = del.onerror = () => resolve();
          }),
      );
      await tab.close();
    }
    await recordTiming('history-storage-1000-names', Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, [v]])));
    console.log('history storage, 1,000 names:', JSON.stringify(figures));
    expect(figures.jsonBytes20!).toBeGreaterThan(figures.jsonBytes1! * 15);
    expect(figures.diskBytes1!).toBeGreaterThan(0);
    await page.close();
  });
});

/** The built CLI, as a person runs it (bin/mxray.js), trusting the stack's CA. */
function runCli(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(REPO_ROOT, 'bin/mxray.js'), ...args],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: stack.caPath, NO_COLOR: '1' }, timeout: 30_000 },
      (error, stdout) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout });
      },
    );
  });
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

describe('watch list without notifications (Chromium)', () => {
  it('the person refuses notifications: a change still shows on the badge and in the list, with no notification', async () => {
    const refusedProfile = await mkdtemp(join(tmpdir(), 'mxray-watch-refused-'));
    await browser.close();
    browser = await launch(refusedProfile);
    try {
      const page = await openExtensionPage(browser, `popup.html?q=${NAME}`);
      await waitForDone(page);
      await page.bringToFront();
      await movePointer(browser.display!, 640, 880);
      const button = page.getByRole('button', { name: 'Watch for changes' });
      await button.scrollIntoViewIfNeeded();
      await page.waitForTimeout(200);
      const before = await readScreenRect(fbdir, PROMPT_AREA);
      await button.click();
      expect(await waitForScreenChange(fbdir, PROMPT_AREA, before), 'no permission prompt appeared').toBe(true);
      await page.waitForTimeout(600);
      await pressKeys(browser.display!, 'Return'); // Deny has the focus
      await page.getByText('Watching: checked every 6 hours by default.').waitFor();
      expect(await page.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(false);
      await editZone(stack, 'changes.test', CHANGE);
      zoneChanged = true;
      await ringAlarm(page);
      await waitFor(
        () => badge(page),
        (t) => t === '1',
        'badge without notifications',
      );
      expect(await notifications(page)).toEqual([]);
      await page.close();
    } finally {
      await rm(refusedProfile, { recursive: true, force: true }).catch(() => undefined);
    }
  });
});
