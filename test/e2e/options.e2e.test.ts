// The options page as a person reaches it (the popup's "Options" link) and what its choices
// change elsewhere: the resolver a lookup goes to, and the popup's theme.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import '../stack/stack-info';
import { launchExtensionBrowser, type ExtensionBrowser } from './harness/browser';
import { openToolbarPopup } from './harness/person';
import { quickBoxInput, readFooter, waitForDone } from './harness/read-report';
import { saveScreenshot } from './harness/screenshots';
import { startSiteServer, type SiteServer } from './harness/site-server';

const stack = inject('stack');
let site: SiteServer;
let browser: ExtensionBrowser;
let tab: Page;
let options: Page | undefined;

beforeAll(async () => {
  site = await startSiteServer();
  browser = await launchExtensionBrowser({ stack, sitePort: site.port, person: true });
  tab = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** When the first test failed to open it the person's way: later tests still run. */
async function openOptionsDirectly(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.url('options.html'));
  return page;
}

const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^Saved/ });

describe('options', () => {
  it("opens from the popup's Options link", async () => {
    await tab.goto('about:blank');
    const popup = await openToolbarPopup(browser, tab);
    try {
      // The options tab takes the focus and the popup closes, as a real popup does on blur: the
      // click may not hear back from the page it was made in.
      await popup.page
        .getByRole('button', { name: 'Options' })
        .click({ noWaitAfter: true })
        .catch((error: Error) => {
          if (!popup.page.isClosed()) throw error;
        });
      // The tab's page event comes before its URL is set: look for the tab by URL.
      const isOptions = (page: Page) => page.url().startsWith(browser.url('options.html'));
      await expect.poll(() => browser.context.pages().some(isOptions), { timeout: 5_000 }).toBe(true);
      options = browser.context.pages().find(isOptions)!;
    } finally {
      await popup.close();
    }
    await options.getByRole('radiogroup', { name: 'Resolver' }).waitFor();
    const radios = options.getByRole('radiogroup', { name: 'Resolver' }).getByRole('radio');
    expect(await radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.textContent?.trim()))).toEqual([
      'Cloudflare', 'Google', 'Quad9', 'AdGuard', 'Custom',
    ]);
    expect(await options.getByRole('radio', { name: 'Cloudflare' }).isChecked()).toBe(true);
    for (const name of ['Fall back to other resolvers', 'Reverse DNS (PTR) and forward check', 'Remember recent lookups']) {
      expect(await options.getByRole('checkbox', { name }).isChecked()).toBe(true);
    }
    await saveScreenshot(options, 'options');
  });

  it('a resolver picked there is the one lookups go to, and Test asks it', async () => {
    options ??= await openOptionsDirectly();
    await options.getByRole('radio', { name: 'Google' }).check();
    await saved(options).waitFor();
    await options.getByRole('button', { name: 'Test' }).click();
    const outcome = options.getByRole('status').filter({ hasText: /Google/ });
    await outcome.waitFor();
    expect(await outcome.textContent()).toMatch(/\d+ ms/);

    await tab.bringToFront();
    const popup = await openToolbarPopup(browser, tab);
    try {
      await quickBoxInput(popup.page).fill('one-mx.test');
      await quickBoxInput(popup.page).press('Enter');
      await waitForDone(popup.page);
      expect(await readFooter(popup.page)).toMatch(/^via Google\b/);
    } finally {
      await popup.close();
    }
  });

  it('the Theme setting overrides the system colour scheme in the popup', async () => {
    options ??= await openOptionsDirectly();
    await options.bringToFront();
    await options.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
    await saved(options).waitFor();
    await tab.bringToFront();
    const popup = await openToolbarPopup(browser, tab);
    try {
      await popup.page.emulateMedia({ colorScheme: 'light' });
      const dark = await popup.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await options.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Light' });
      await saved(options).waitFor();
      await popup.close();
      const again = await openToolbarPopup(browser, tab);
      await again.page.emulateMedia({ colorScheme: 'dark' });
      const light = await again.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await again.close();
      expect(dark).not.toBe(light);
      // Dark is dark: the background's red, green and blue are all low.
      expect(dark.match(/\d+/g)!.slice(0, 3).every((c) => Number(c) < 80)).toBe(true);
      expect(light.match(/\d+/g)!.slice(0, 3).every((c) => Number(c) > 180)).toBe(true);
    } finally {
      await popup.close();
    }
  });
});
