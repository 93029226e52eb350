// Firefox: the watch list as in Chromium (test/e2e/watch.e2e.test.ts), on its own fixture name
// (the two files run side by side and each edits only its own name). A report's Watch button is
// clicked for real; Firefox asks for the notifications permission and the person refuses
// (Escape on the prompt); the zone changes; the name's alarm rings (the real alarm path): the
// badge counts the change with no notification, and the Watch view's change log reads right.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../stack/stack-info';
import { editZone, type ZoneEdit } from '../../stack/zone-edit';
import { pressKeys } from '../harness/keyboard';
import { waitForDone } from '../harness/read-report';
import { launchFirefox, waitUntil, type FirefoxBrowser } from './harness/firefox';
import { asPlaywright } from './harness/locator';
import { saveScreenCapture } from './harness/screen-capture';

const stack = inject('stack');
const NAME = 'fx.changes.test';
const CHANGE: ZoneEdit[] = [
  { op: 'unset', owner: 'fx', type: 'MX', data: '20 mx2.fx' },
  { op: 'set', owner: 'fx', type: 'MX', data: '30 mx3.fx', ttl: 1 },
  { op: 'unset', owner: 'fx', type: 'TXT' },
  { op: 'set', owner: 'fx', type: 'TXT', data: '"v=spf1 mx -all"', ttl: 1 },
];
const UNDO: ZoneEdit[] = [
  { op: 'unset', owner: 'fx', type: 'MX', data: '30 mx3.fx' },
  { op: 'set', owner: 'fx', type: 'MX', data: '20 mx2.fx', ttl: 1 },
  { op: 'unset', owner: 'fx', type: 'TXT' },
  { op: 'set', owner: 'fx', type: 'TXT', data: '"v=spf1 mx ~all"', ttl: 1 },
];
let fx: FirefoxBrowser;
let changed = false;

beforeAll(async () => {
  fx = await launchFirefox({ stack });
});

afterAll(async () => {
  await fx?.close();
  if (changed) await editZone(stack, 'changes.test', UNDO).catch(() => undefined);
});

/** Shows an extension page in the person's tab (WebDriver may not navigate to moz-extension:// itself). */
async function show(path: string): Promise<void> {
  await fx.watcher.evaluate(async (url) => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    await api.tabs.update(tab!.id!, { url });
  }, fx.url(path));
  await waitUntil(
    async () =>
      (await fx.tab.evaluate(() => location.href).catch(() => '')) === fx.url(path) &&
      (await fx.tab.evaluate(() => document.readyState).catch(() => '')) === 'complete',
    `the tab did not show ${path}`,
  );
}

const badge = () => fx.watcher.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.action.getBadgeText({}));

describe('Firefox watch list', () => {
  it('watches a name with notifications refused; a change between two checks shows on the badge and in the change log', async () => {
    await show(`popup.html?q=${NAME}`);
    const page = asPlaywright(fx.page());
    await waitForDone(page);
    await fx.focusWindow();
    await page.getByRole('button', { name: 'Watch for changes' }).click(); // a real click
    // Firefox's permission prompt (a doorhanger) asks to "Display notifications to you"; the person refuses.
    await new Promise((r) => setTimeout(r, 1000));
    await saveScreenCapture(fx.fbdir, 'firefox-watch-notification-prompt');
    await pressKeys(fx.display, 'Escape');
    await page.getByText('Watching: checked every 6 hours by default.').waitFor();
    expect(
      await fx.watcher.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({ permissions: ['notifications'] })),
    ).toBe(false);
    const alarm = await fx.watcher.evaluate((name) => (globalThis as unknown as { browser: typeof chrome }).browser.alarms.get(`watch:${name}`), NAME);
    expect(alarm!.scheduledTime - Date.now()).toBeGreaterThan(5.9 * 3600_000);

    await editZone(stack, 'changes.test', CHANGE);
    changed = true;
    await fx.tab.goto('http://one-mx.test/'); // no MXray page in the person's tab while the check runs
    await fx.watcher.evaluate(
      (name) => (globalThis as unknown as { browser: typeof chrome }).browser.alarms.create(`watch:${name}`, { when: Date.now() + 300 }),
      NAME,
    );
    await waitUntil(async () => (await badge()) === '1', 'the badge did not count the change', 15_000);

    await show('options.html#watch');
    const view = asPlaywright(fx.page());
    const log = view.getByRole('list', { name: `Changes of ${NAME}` });
    await log.waitFor();
    const items = await log.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(
      /Since (the last check \(just now\)|\d+ minutes? ago): mx2\.fx\.changes\.test \(20\) was removed; mx3\.fx\.changes\.test \(30\) was added \(192\.0\.2\.119\); SPF now ends in -all instead of ~all/,
    );
    await waitUntil(async () => (await badge()) === '', 'the Watch view did not clear the badge');
    await saveScreenCapture(fx.fbdir, 'firefox-watch-view');
  });
});
