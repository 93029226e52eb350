// The options page as a person reaches it (the popup's "Options" link) and what its choices
// change elsewhere: the resolver a lookup goes to, and the popup's theme. Written once;
// options.e2e.test.ts runs it in Chromium, firefox/options.e2e.test.ts in Firefox.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../stack/stack-info';
import { quickBoxInput, readFooter, waitForDone } from '../harness/read-report';
import type { Driver, DriverKind, Scope, View } from '../drivers/driver';

export function optionsScenarios(kind: DriverKind): void {
  const stack = inject('stack');
  let driver: Driver;
  let options: View | undefined;
  const shot = (name: string) => (kind.name === 'firefox' ? `firefox-${name}` : name);

  beforeAll(async () => {
    driver = await kind.launch({ stack });
  });

  afterAll(async () => {
    await driver?.close();
  });

  /** When the first test failed to open it the person's way: later tests still run. */
  async function optionsPage(): Promise<Scope> {
    options ??= await driver.openExtensionPage('options.html');
    return options.scope;
  }

  const saved = (page: Scope) => page.getByRole('status').filter({ hasText: /^Saved/ });
  const background = (view: View) => view.evaluate((window) => window.getComputedStyle(window.document.body).backgroundColor);

  describe(`${kind.name}: options`, () => {
    it("opens from the popup's Options link", async () => {
      await driver.goto('about:blank');
      const popup = await driver.openToolbarPopup();
      try {
        // The options tab takes the focus and the popup closes, as a real popup does on blur: the
        // click may not hear back from the page it was made in (the tab opening is what counts).
        const clickOptions = () =>
          popup.scope
            .getByRole('button', { name: 'Options' })
            .click({ noWaitAfter: true })
            .catch(() => undefined);
        await clickOptions();
        // In Firefox a real click into the toolbar popup is now and then not delivered (seen in 2
        // of 6 CI runs, never when run alone): a person would click again, so the scenario does,
        // once. The options tab must still open from the popup's link.
        options = await driver.waitForExtensionTab('options.html').catch(async () => {
          await clickOptions();
          return driver.waitForExtensionTab('options.html');
        });
      } finally {
        await popup.close();
      }
      const page = options.scope;
      await page.getByRole('radiogroup', { name: 'Resolver' }).waitFor();
      const radios = page.getByRole('radiogroup', { name: 'Resolver' }).getByRole('radio');
      expect(await radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.textContent?.trim()))).toEqual([
        'Cloudflare',
        'Google',
        'Quad9',
        'AdGuard',
        'Custom',
      ]);
      expect(await page.getByRole('radio', { name: 'Cloudflare' }).isChecked()).toBe(true);
      for (const name of ['Fall back to other resolvers', 'Reverse DNS (PTR) and forward check', 'Remember recent lookups']) {
        expect(await page.getByRole('checkbox', { name }).isChecked()).toBe(true);
      }
      await options.screenshot(shot('options'));
    });

    it('a resolver picked there is the one lookups go to, and Test asks it', async () => {
      const page = await optionsPage();
      await options!.bringToFront();
      await page.getByRole('radio', { name: 'Google' }).check();
      await saved(page).waitFor();
      await page.getByRole('button', { name: 'Test' }).click();
      const outcome = page.getByRole('status').filter({ hasText: /Google/ });
      await outcome.waitFor();
      expect(await outcome.textContent()).toMatch(/\d+ ms/);

      await driver.tab.bringToFront(); // the person's tab (Chromium may have shown the options page in it)
      const popup = await driver.openToolbarPopup();
      try {
        await quickBoxInput(popup.scope).fill('one-mx.test');
        await quickBoxInput(popup.scope).press('Enter');
        await waitForDone(popup.scope);
        expect(await readFooter(popup.scope)).toMatch(/^via Google\b/);
      } finally {
        await popup.close();
      }
    });

    it('the Theme setting overrides the system colour scheme in the popup', async () => {
      const page = await optionsPage();
      await options!.bringToFront();
      await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
      await saved(page).waitFor();
      await driver.tab.bringToFront(); // the person's tab (Chromium may have shown the options page in it)
      const popup = await driver.openToolbarPopup();
      let again: View | undefined;
      try {
        await popup.colorScheme('light');
        const dark = await background(popup);
        await popup.close();
        await options!.bringToFront();
        await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Light' });
        await saved(page).waitFor();
        await driver.tab.bringToFront();
        again = await driver.openToolbarPopup();
        await again.colorScheme('dark');
        const light = await background(again);
        expect(dark).not.toBe(light);
        // Dark is dark: the background's red, green and blue are all low.
        expect(
          dark
            .match(/\d+/g)!
            .slice(0, 3)
            .every((c) => Number(c) < 80),
        ).toBe(true);
        expect(
          light
            .match(/\d+/g)!
            .slice(0, 3)
            .every((c) => Number(c) > 180),
        ).toBe(true);
      } finally {
        await again?.close();
        await popup.close();
        await again?.colorScheme('light').catch(() => undefined);
      }
    });
  });
}
