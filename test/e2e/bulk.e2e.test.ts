// The bulk page as a person uses it: paste a list, run it, watch the progress bar, survive a
// service-worker stop mid-run, filter, and export, reading the downloaded files (CSV injection
// cases included). Screenshots mid-run and finished, light and dark.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FaultServer } from '../stack/fault-server';
import '../stack/stack-info';
import { launchExtensionBrowser, openExtensionPage, type ExtensionBrowser } from './harness/browser';
import { startResolverDouble } from './harness/resolvers';
import { pickFromContextMenu, selectTextByMouse } from './harness/person';
import { saveScreenshot } from './harness/screenshots';
import { stopServiceWorker } from './harness/service-worker';
import { startSiteServer, type SiteServer } from './harness/site-server';

const stack = inject('stack');
let site: SiteServer;
let cloudflare: FaultServer & { port: number };
let browser: ExtensionBrowser;
let page: Page;

const BULK = Array.from({ length: 120 }, (_, i) => `user${i}@bulk-${String(i + 1).padStart(3, '0')}.test`);
const LIST = [
  'Name,Email',
  '"Lee, Ann",ann@one-mx.test',
  '=cmd,=cmd@one-mx.test',
  'Bob,bob@does-not-exist.test',
  'Null,info@null-mx.test',
  'Implicit,x@implicit.test',
  'Nowhere,y@nodata.test',
  'Broken,z@servfail.test',
  '"=HYPERLINK(""x"")",no address here',
  ...BULK.map((address, i) => `Person ${i},${address}`),
].join('\n');

beforeAll(async () => {
  site = await startSiteServer();
  cloudflare = await startResolverDouble(stack);
  browser = await launchExtensionBrowser({ stack, sitePort: site.port, person: true, resolvers: { cloudflare: cloudflare.port } });
  page = await openExtensionPage(browser, 'bulk.html');
});

afterAll(async () => {
  await browser?.close();
  await cloudflare?.close();
  await site?.close();
});

const progress = () => page.getByRole('progressbar', { name: 'Domains checked' });
const done = async () => Number(await progress().getAttribute('aria-valuenow'));

async function downloaded(button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile((await download.path())!, 'utf8');
}

describe('bulk page', () => {
  it('runs a pasted CSV with progress, through a service-worker stop, to a verdict per domain', async () => {
    cloudflare.setDefaultModes(['delay', '250']);
    const box = page.getByLabel(/Paste addresses or domains/);
    await box.click();
    await box.fill(LIST);
    await expect.poll(() => page.getByRole('combobox', { name: 'Column to check' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Check the list' }).click();
    await progress().waitFor();
    expect(await progress().getAttribute('aria-valuemax')).toBe('126');
    await expect.poll(done, { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await done()).toBeLessThan(126);
    expect(await page.getByText(/could not be checked$/).textContent()).toMatch(/^1 entry could not/);
    await saveScreenshot(page, 'bulk-running-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'bulk-running-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    const before = await done();
    await stopServiceWorker(browser, page);
    await expect.poll(() => page.getByText(/^Done$/).count(), { timeout: 90_000 }).toBe(1);
    expect(await done()).toBe(126);
    expect(before).toBeLessThan(126);
    cloudflare.setDefaultModes([]);
    const counts = Object.fromEntries(
      await Promise.all(
        ['accepts', 'implicit', 'null-mx', 'nxdomain', 'no-mail', 'failed'].map(async (v) => [v, Number(await page.getByTestId(`count-${v}`).textContent())]),
      ),
    );
    expect(counts).toEqual({ accepts: 121, implicit: 1, 'null-mx': 1, nxdomain: 1, 'no-mail': 1, failed: 1 });
    await saveScreenshot(page, 'bulk-finished-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'bulk-finished-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  }, 120_000);

  it('filters by verdict and to those that cannot receive mail, and pages the table', async () => {
    expect(await page.getByTestId('shown-count').textContent()).toBe('126 rows · page 1 of 2');
    await page.getByRole('button', { name: 'does not exist' }).click();
    expect(await page.getByTestId('shown-count').textContent()).toBe('1 rows');
    expect(await page.getByRole('row').nth(1).textContent()).toContain('does-not-exist.test');
    await page.getByRole('button', { name: 'does not exist' }).click();
    await page.getByLabel('only those that cannot receive mail').check();
    expect(await page.getByTestId('shown-count').textContent()).toBe('4 rows');
    await page.getByLabel('only those that cannot receive mail').uncheck();
  });

  it('exports CSV with formula cells made inert, JSON, and the undeliverable addresses', async () => {
    const perAddress = await downloaded('CSV, one row per address');
    console.log(`first lines of the per-address CSV:\n${perAddress.split('\r\n').slice(0, 5).join('\n')}`);
    const rows = Papa.parse<string[]>(perAddress.replace(/^\uFEFF/, '')).data.filter((row) => row.length > 1);
    expect(rows[0]!.slice(0, 4)).toEqual(['address', 'domain', 'domain_ascii', 'verdict']);
    const cells = rows.flat();
    expect(cells).toContain("'=cmd@one-mx.test");
    expect(cells.some((cell) => cell.startsWith("'=HYPERLINK"))).toBe(true);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const perDomain = Papa.parse<string[]>((await downloaded('CSV, one row per domain')).replace(/^\uFEFF/, '')).data.filter((row) => row.length > 1);
    expect(perDomain).toHaveLength(127);
    const json = JSON.parse(await downloaded('JSON'));
    expect(json.domains).toHaveLength(126);
    expect(json.invalid).toHaveLength(1);
    const undeliverable = (await downloaded('Addresses that cannot receive mail')).trim().split('\n').sort();
    expect(undeliverable).toEqual(['bob@does-not-exist.test', 'info@null-mx.test', 'y@nodata.test']);
  });

  it('shows the finished run again when the tab is closed and opened again', async () => {
    await page.close();
    page = await openExtensionPage(browser, 'bulk.html');
    await expect.poll(() => page.getByText(/^Done$/).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('shown-count').textContent()).toBe('126 rows · page 1 of 2');
  });

  it('a right-clicked selection with several addresses: the panel lists each domain with its verdict and opens them all in the bulk page', async () => {
    cloudflare.setDefaultModes([]);
    const tab = await browser.context.newPage();
    await tab.goto('http://emails.test/');
    const point = await selectTextByMouse(tab, tab.getByText(/^Write to/), 'support@five-mx.test or sales@one-mx.test');
    await pickFromContextMenu(browser, tab, point);
    const list = tab.getByRole('dialog', { name: 'MXray' }).getByRole('region', { name: 'Domains in the selection' });
    await list.waitFor();
    await expect
      .poll(() => list.getByRole('listitem').allTextContents(), { timeout: 10_000 })
      .toEqual(['five-mx.test: accepts mail', 'one-mx.test: accepts mail']);
    await saveScreenshot(tab, 'bulk-panel-selection');
    const isBulk = (p: Page) => p.url().startsWith(browser.url('bulk.html'));
    await list.getByRole('button', { name: 'Open all 2 in the bulk page' }).click();
    await expect.poll(() => browser.context.pages().some(isBulk), { timeout: 5_000 }).toBe(true);
    const bulk = browser.context.pages().filter(isBulk).at(-1)!;
    // The earlier, finished run is replaced by this one (a run in progress would be left alone).
    await expect
      .poll(
        () =>
          bulk
            .getByTestId('shown-count')
            .textContent()
            .catch(() => ''),
        { timeout: 15_000 },
      )
      .toBe('2 rows');
    await expect.poll(() => bulk.getByText(/^Done$/).count(), { timeout: 15_000 }).toBe(1);
    expect(await bulk.getByTestId('count-accepts').textContent()).toBe('2');
  }, 60_000);
});
