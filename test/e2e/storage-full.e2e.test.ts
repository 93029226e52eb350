// A full quota in real Chromium (issue #25): DevTools' Storage.overrideQuotaForOrigin on the
// extension's origin limits its IndexedDB as a full disk would (Chromium 156 refuses the commit
// with a QuotaExceededError). IndexedDB keeps a figure of the room
// left, taken at its first write, and asks the quota again only when a write needs more than
// that: so the quota is set once, before MXray writes anything, and `fillStorage` fills the room
// with data of its own until Chromium refuses, as a full disk would be. After a refusal it asks
// again at the next write, so a raised quota (`setQuota`) stands for a person freeing space. Against the real stack, each surface:
// - the watch list: the alarm's check cannot save; the badge says "!" with the reason in its
//   title, the Watch view says so, the alarm stays; the next save that works clears it;
// - history: a lookup cannot be kept; the oldest tenth of the names goes, the lookup is kept, and
//   the History view says so once;
// - a bulk run: it pauses itself with its rows, the export gives every finished row, and after
//   room is made, Resume saves them first and goes on.
// Screenshots of each state for docs/ui.md ("When storage is full").
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../stack/stack-info';
import { saveScreenCapture } from './firefox/harness/screen-capture';
import { launchExtensionBrowser, openExtensionPage, type ExtensionBrowser } from './harness/browser';
import { EXTENSION_DIR } from './harness/paths';
import { waitForDone } from './harness/read-report';
import { saveScreenshot } from './harness/screenshots';
import { startSiteServer, type SiteServer } from './harness/site-server';

const stack = inject('stack');
const WATCHED = 'five-mx.test';
const LOOKED_UP = 'one-mx.test';
const FILLER_NAMES = 100;
// Under the zone's wildcard (test/zones/bulk-wild.inc): enough domains that the run is still going while storage fills.
const BULK = Array.from({ length: 6_000 }, (_, i) => `n${i}.bulk-wild.test`);
const COULD_NOT_SAVE = 'MXray could not save the watch list: storage is full';

let site: SiteServer;
let fbdir: string;
let profile: string;
let browser: ExtensionBrowser;
let page: Page;
let cdp: CDPSession;
let origin: string;

/** Chromium's id of an unpacked extension: the SHA-256 of its absolute path, its first 32 hex digits written a-p. */
function unpackedExtensionId(path: string): string {
  return [...createHash('sha256').update(path).digest('hex').slice(0, 32)].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

beforeAll(async () => {
  site = await startSiteServer();
  fbdir = await mkdtemp(join(tmpdir(), 'mxray-quota-screen-'));
  profile = await mkdtemp(join(tmpdir(), 'mxray-quota-profile-'));
  // Pinned to the toolbar, so its badge is on screen (a person pins the extensions they use).
  await mkdir(join(profile, 'Default'), { recursive: true });
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { pinned_extensions: [unpackedExtensionId(EXTENSION_DIR)] } }));
  browser = await launchExtensionBrowser({ stack, sitePort: site.port, person: true, xvfbArgs: ['-fbdir', fbdir], userDataDir: profile });
  origin = browser.url('').replace(/\/$/, '');
  page = await openExtensionPage(browser, 'options.html');
  cdp = await browser.context.newCDPSession(page);
  // Before any write of this profile (the worker only read at its start): see the top of the file.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (await usage()) + 25_000_000 });
});

afterAll(async () => {
  await cdp?.detach().catch(() => undefined);
  await browser?.close();
  await site?.close();
  for (const dir of [fbdir, profile]) if (dir) await rm(dir, { recursive: true, force: true });
});

const usage = async () => ((await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number }).usage;
/**
 * Storage full: the room left filled with random data (which LevelDB cannot compress) in a
 * database of its own, in ever smaller pieces, until Chromium refuses each size. Returns how many
 * pieces were written.
 */
async function fillStorage(): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('quota-filler', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('filler');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    let pieces = 0;
    // Down to pieces of a few bytes: Chromium compresses what IndexedDB stores, and a small
    // history record (one check of one-mx.test) fits in the room 750-byte pieces may leave.
    for (const size of [48_000, 6_000, 750, 96, 12]) {
      for (let i = 0; i < 1_000; i++) {
        const bytes = crypto.getRandomValues(new Uint8Array(size));
        const tx = db.transaction('filler', 'readwrite');
        tx.objectStore('filler').put(btoa(String.fromCharCode(...bytes)), `${size}:${Date.now()}:${i}`);
        const outcome = await new Promise<string>(
          (resolve) => ((tx.oncomplete = () => resolve('ok')), (tx.onabort = () => resolve(tx.error?.name ?? 'abort'))),
        );
        if (outcome === 'QuotaExceededError') break;
        if (outcome !== 'ok') throw new Error(`filling storage: ${outcome}`);
        pieces++;
      }
    }
    db.close();
    return pieces;
  });
}

/** Room for `bytes` more than the origin holds now. */
async function setQuota(bytes: number): Promise<void> {
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (await usage()) + bytes });
}

const request = <T>(name: string, payload?: unknown) =>
  page.evaluate(async ([name, payload]) => chrome.runtime.sendMessage({ request: name, payload }), [name, payload] as const) as Promise<{
    ok: boolean;
    value: T;
    error?: string;
  }>;
const badge = () => page.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));
const ringAlarm = () => page.evaluate((name) => chrome.alarms.create(`watch:${name}`, { when: Date.now() + 200 }), WATCHED);

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('storage full (Chromium, quota limited through DevTools)', () => {
  it('sets up: a lookup kept in history, a watched name, and 100 more names of history', async () => {
    const report = await openExtensionPage(browser, `popup.html?q=${WATCHED}`);
    await waitForDone(report);
    await report.close();
    expect((await request('watchName', { input: WATCHED })).ok).toBe(true);
    // History of 100 more names, each the real facts of that lookup under its own name, 20 checks deep.
    const written = await page.evaluate(
      async ({ name, count }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('mxray');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const real = await new Promise<{ checks: { checkedAt: number }[] }>((resolve) => {
          const get = db.transaction('history').objectStore('history').get(name);
          get.onsuccess = () => resolve(get.result);
        });
        const facts = JSON.stringify(real.checks.at(-1));
        const tx = db.transaction('history', 'readwrite');
        for (let i = 0; i < count; i++) {
          const domain = `old-${String(i).padStart(3, '0')}.example`;
          const own = JSON.parse(facts.replaceAll(name, domain)) as { checkedAt: number; name: string; display: string };
          const at = Date.now() - (count - i) * 3600_000;
          const checks = Array.from({ length: 20 }, (_, k) => ({ ...own, checkedAt: at - (20 - k) * 60_000 }));
          tx.objectStore('history').put({ name: domain, display: domain, lastCheckedAt: at, lastVerdict: 'ok', checks });
        }
        await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
        db.close();
        return count;
      },
      { name: WATCHED, count: FILLER_NAMES },
    );
    expect(written).toBe(FILLER_NAMES);
    expect((await request<unknown[]>('listHistory')).value).toHaveLength(FILLER_NAMES + 1);
  });

  it('the watch list: the check cannot save; the badge and the Watch view say so, the alarm stays', { timeout: 60_000 }, async () => {
    const before = (await request<{ name: string; lastCheckAt?: number }[]>('listWatches')).value;
    expect(await fillStorage()).toBeGreaterThan(0);
    await ringAlarm();
    expect(await waitFor(badge, (b) => b.text === '!', 'badge')).toEqual({ text: '!', title: COULD_NOT_SAVE });
    expect((await request('listWatches')).value).toEqual(before);
    const alarm = await page.evaluate((name) => chrome.alarms.get(`watch:${name}`), WATCHED);
    expect(alarm!.scheduledTime).toBeGreaterThan(Date.now());
    // "Check now", where a person acts: the sentence.
    const checkNow = await request('checkWatchNow', { name: WATCHED });
    expect(checkNow).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^MXray could not save the watch list: storage is full\. The last saved list is kept/),
    });

    const view = await openExtensionPage(browser, 'options.html#watch', { width: 900, height: 700 });
    const alert = view.locator('#watch').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^MXray could not save the watch list: storage is full \(since .+\)\. The list below is the last one saved/);
    await view.locator('#watch').scrollIntoViewIfNeeded();
    await saveScreenshot(view.locator('#watch'), 'storage-full-watch-list');
    await view.close();
    // The toolbar as a person sees it: the pinned button with its "!" badge.
    await page.bringToFront();
    await page.waitForTimeout(300);
    await saveScreenCapture(fbdir, 'storage-full-badge', { x: 880, y: 0, width: 400, height: 90 });
  });

  // Whether the check then fits is Chromium's to say: it may count the room a drop made only once
  // it compacts the database (deleted records stay on disk till then), which an extension cannot
  // ask for. In runs of this file the check was refused after the drop in 3 of 14 runs,
  // whatever the worker did (letting the database go and opening it again 3 s later did not
  // help). So the step asserts what MXray decides: the oldest tenth dropped (never the name being
  // kept), the note at once, and the check first in history when it fit. The unit test with a
  // quota that counts deletes at once (background/watch/storage-full.test.ts) asserts the check kept.
  it('history: a lookup that cannot be kept drops the oldest tenth of the names, says so once, and is kept when the room counts', async () => {
    // Storage is still full (the watch check wrote nothing).
    const report = await openExtensionPage(browser, `popup.html?q=${LOOKED_UP}`);
    await waitForDone(report);
    await report.close();
    const notes = await waitFor(
      () => request<{ historyDropped?: { names: number } }>('storageNotes'),
      (n) => n.value.historyDropped !== undefined,
      'history note',
    );
    expect(notes.value.historyDropped!.names).toBe(10);
    // The note is written before the check is tried again: give that write time to end.
    const listNames = async () => (await request<{ name: string }[]>('listHistory')).value.map((r) => r.name);
    const names = await waitFor(listNames, (list) => list.includes(LOOKED_UP), 'the check kept', 5_000).catch(listNames);
    const kept = names.includes(LOOKED_UP);
    console.log(`storage full, history step: the check was ${kept ? 'kept' : 'refused again'} after the drop; usage ${await usage()}`);
    if (kept) expect(names[0]).toBe(LOOKED_UP);
    expect(names.filter((name) => name !== LOOKED_UP)).toHaveLength(FILLER_NAMES + 1 - 10);
    expect(names).toContain(WATCHED);
    expect(names).not.toContain('old-000.example');
    expect(names).not.toContain('old-009.example');
    expect(names).toContain('old-010.example');

    const view = await openExtensionPage(browser, 'options.html#history', { width: 900, height: 700 });
    const note = view.locator('#history .storage-note');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^Storage was full: the oldest 10 names' history was dropped to make room \(.+\)\. Dismiss$/);
    // The section's top (the note and the first rows of 92), as the window shows it.
    await view.locator('#history').evaluate((section) => section.scrollIntoView());
    await saveScreenshot(view, 'storage-full-history-note');
    await view.close();
  });

  it('the watch list again: with room made, the next check saves and the badge clears', async () => {
    // The person freed some space.
    await setQuota(30_000_000); // after a refusal IndexedDB asks the quota again, so a larger one counts at once
    await ringAlarm();
    expect(await waitFor(badge, (b) => b.text !== '!', 'badge after a save')).toEqual({ text: '', title: 'MXray: where does mail for this site go?' });
    expect((await request<{ watchUnsaved?: unknown }>('storageNotes')).value.watchUnsaved).toBeUndefined();
    const [entry] = (await request<{ lastCheckAt?: number }[]>('listWatches')).value;
    expect(entry!.lastCheckAt).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a bulk run: pauses with its rows, exports every finished row, and Resume saves them first once room is made', { timeout: 120_000 }, async () => {
    const bulk = await openExtensionPage(browser, 'bulk.html', { width: 1200, height: 900 });
    // As a paste: the whole list in one input event (typing 6,000 lines is not what a person does).
    await bulk.getByRole('textbox', { name: /Paste addresses or domains/ }).evaluate((box: HTMLTextAreaElement, text) => {
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, BULK.join('\n'));
    // The person freed space (after a refusal IndexedDB asks the quota again, so a larger one counts at once).
    await setQuota(30_000_000);
    const progress = bulk.getByRole('progressbar', { name: 'Domains checked' });
    const alert = bulk.getByRole('alert');
    await bulk.getByRole('button', { name: 'Check the list' }).click();
    await progress.waitFor();
    // The disk fills while the run goes on.
    await fillStorage();
    const paused = bulk.getByText(/^Storage is full: the run is paused\./);
    await paused.waitFor({ timeout: 30_000 }).catch(async (e: unknown) => {
      throw new Error(`no paused sentence; the page reads: ${(await bulk.locator('main').innerText()).slice(0, 400)}`, { cause: e });
    });
    const text = (await paused.textContent())!;
    const kept = Number(
      /^Storage is full: the run is paused\. Its ([\d,]+) finished rows? (is|are) kept; export them, free space, then resume\.$/
        .exec(text)?.[1]
        ?.replaceAll(',', ''),
    );
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(BULK.length);
    await bulk.getByRole('button', { name: 'Resume' }).waitFor();
    await saveScreenshot(bulk, 'storage-full-bulk-paused');
    // Every finished row is in the export, the ones storage refused included. The domains in
    // flight when the run paused may still finish: read once the count has stopped moving.
    const doneNow = async () => Number(await progress.getAttribute('aria-valuenow'));
    let shown = await doneNow();
    for (let settled = 0; settled < 2;) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const now = await doneNow();
      settled = now === shown ? settled + 1 : 0;
      shown = now;
    }
    const [download] = await Promise.all([bulk.waitForEvent('download'), bulk.getByRole('button', { name: 'CSV, one row per domain' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.trim().split('\n').length - 1).toBe(shown);
    expect(shown).toBeGreaterThanOrEqual(kept);

    await setQuota(30_000_000);
    await bulk.getByRole('button', { name: 'Resume' }).click();
    await bulk.getByText(/^Checking$/).waitFor();
    expect(await alert.count()).toBe(0);
    // The rows storage refused are saved first: IndexedDB soon holds every row the export had, each once.
    const storedKeys = () =>
      bulk.evaluate(
        () =>
          new Promise<number[]>((resolve) => {
            const open = indexedDB.open('mxray-bulk');
            open.onsuccess = () => {
              const all = open.result.transaction('results').objectStore('results').getAllKeys();
              all.onsuccess = () => {
                open.result.close();
                resolve(all.result as number[]);
              };
            };
          }),
      );
    const stored = await waitFor(storedKeys, (keys) => keys.length >= shown, 'rows saved after Resume', 30_000);
    expect(new Set(stored).size).toBe(stored.length);
    for (let i = 0; i < shown; i++) expect(stored).toContain(i);
    // Enough: the rest of the 6,000 is the ordinary run (the bulk e2e); stop it here.
    await bulk.getByRole('button', { name: 'Cancel' }).click();
    await bulk.getByText(/^Cancelled$/).waitFor();
    await bulk.close();
  });
});
