// Issue #16 in the real browser: a PTR name holding a zero-width space or a right-to-left
// override is shown escaped in the real toolbar popup (screenshots for docs/screenshots/), and
// axe-core finds no serious or critical violation in the popup, the result page, the panel
// and the options page, in light and in dark.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import '../stack/stack-info';
import { axeViolations, type AxeViolation } from './harness/axe';
import { launchExtensionBrowser, openExtensionPage, type ExtensionBrowser } from './harness/browser';
import { pressKeys, typeText } from './harness/keyboard';
import { openToolbarPopup, pickFromContextMenu, type ToolbarPopup } from './harness/person';
import { REPO_ROOT, RESULTS_DIR } from './harness/paths';
import { quickBoxInput, waitForDone } from './harness/read-report';
import { saveScreenshot } from './harness/screenshots';
import { startSiteServer, type SiteServer } from './harness/site-server';

const stack = inject('stack');
let site: SiteServer;
let browser: ExtensionBrowser;
let tab: Page;
let popup: ToolbarPopup | undefined;
const summary: Record<string, { violations: AxeViolation[]; passes: number }> = {};

beforeAll(async () => {
  site = await startSiteServer();
  browser = await launchExtensionBrowser({ stack, sitePort: site.port, person: true });
  tab = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await writeFile(join(RESULTS_DIR, 'axe-summary.json'), JSON.stringify(summary, null, 2));
  await popup?.close();
  await browser?.close();
  await site?.close();
});

/** Any character of the three sets, raw (the tabs and newlines innerText puts between cells aside). */
// eslint-disable-next-line no-control-regex -- finding them is the point
const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

async function checkAxe(name: string, page: Page, within?: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await axeViolations(page, within);
    summary[`${name} (${scheme})`] = result;
    expect(result.violations, `${name} in ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('PTR names that could deceive, in the real popup', () => {
  it.each([
    ['ptr-zwsp.test', 'mx.ptr\\u200bzwsp.test', 'popup-ptr-zero-width-space'],
    ['ptr-rlo.test', 'mail.moc\\u202elapyap.ptr-rlo.test', 'popup-ptr-right-to-left-override'],
  ])('shows the PTR of %s escaped, isolated, and never as FCrDNS pass', async (domain, shown, screenshot) => {
    await popup?.close();
    await tab.goto('http://emails.test/');
    popup = await openToolbarPopup(browser, tab);
    const box = quickBoxInput(popup.page);
    await box.fill(domain);
    await box.press('Enter');
    await popup.page.getByRole('heading', { level: 1, name: domain, exact: true }).waitFor();
    await waitForDone(popup.page);
    const table = popup.page.getByRole('table', { name: 'Mail servers' });
    const ptr = table.locator('.ptr-name').first();
    expect(await ptr.textContent()).toBe(shown);
    expect(await ptr.evaluate((node) => [node.tagName, getComputedStyle(node).unicodeBidi])).toEqual(['BDI', 'isolate']);
    expect(await popup.page.evaluate(() => document.body.innerText)).not.toMatch(RAW_UNSAFE);
    expect(await table.textContent()).not.toMatch(/\bpass\b/);
    await popup.page
      .getByText(/can never pass forward-confirmed reverse DNS/)
      .first()
      .waitFor();
    await saveScreenshot(popup.page, screenshot);
    await checkAxe(`popup ${domain}`, popup.page);
  });
});

describe('axe-core: no serious or critical violations, light and dark', () => {
  it('the result page', async () => {
    const page = await openExtensionPage(browser, `popup.html?q=${encodeURIComponent('five-mx.test')}`, { width: 900, height: 800 });
    await waitForDone(page);
    await checkAxe('result page', page);
    await page.close();
  });

  it('the options page', async () => {
    const page = await openExtensionPage(browser, 'options.html', { width: 900, height: 800 });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await checkAxe('options page', page);
    await page.close();
  });

  it('the in-page panel', async () => {
    await popup?.close();
    popup = undefined;
    await tab.goto('http://emails.test/');
    await pickFromContextMenu(browser, tab, tab.getByRole('link', { name: 'billing' }));
    const panel = tab.getByRole('dialog', { name: 'MXray' });
    await panel.waitFor();
    await waitForDone(panel);
    await checkAxe('panel', tab, 'mxray-panel');
  });
});

describe('the keyboard alone, with real key presses', () => {
  it('opens the popup (Alt+Shift+M), types a name, looks it up (Return), and Tab shows a visible focus ring', async () => {
    await popup?.close();
    await tab.goto('http://emails.test/');
    popup = await openToolbarPopup(browser, tab);
    const page = popup.page;
    await quickBoxInput(page).waitFor();
    // Tab until the quick box has focus, as a keyboard user gets there.
    const inBox = () => page.evaluate(() => document.activeElement?.tagName === 'INPUT');
    for (let i = 0; i < 8 && !(await inBox()); i++) await pressKeys(browser.display!, 'Tab');
    expect(await inBox()).toBe(true);
    await pressKeys(browser.display!, 'ctrl+a');
    await typeText(browser.display!, 'five-mx.test');
    await pressKeys(browser.display!, 'Return');
    await page.getByRole('heading', { level: 1, name: 'five-mx.test', exact: true }).waitFor();
    await waitForDone(page);
    // Live regions: one status line, no alert for a good answer ("Done" said once, errors only when there are some).
    expect(await page.getByRole('status').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    const rings: string[] = [];
    for (let i = 0; i < 4; i++) {
      await pressKeys(browser.display!, 'Tab');
      rings.push(
        await page.evaluate(() => {
          const active = document.activeElement as HTMLElement | null;
          if (!active || active === document.body) return 'none';
          const style = getComputedStyle(active);
          return `${active.tagName}:${style.outlineStyle}:${style.outlineWidth}`;
        }),
      );
    }
    for (const ring of rings) expect(ring).toMatch(/^[A-Z]+:(solid|auto|dashed):[1-9]/);
    // Pass and fail are words in the FCrDNS column, not only a colour.
    expect(
      await page
        .getByRole('table', { name: 'Mail servers' })
        .locator('td')
        .filter({ hasText: /^pass$/ })
        .count(),
    ).toBeGreaterThan(0);
  });

  it('Esc (a real key press) closes the panel and gives focus back to the link it was opened from', async () => {
    await popup?.close();
    popup = undefined;
    await tab.goto('http://emails.test/');
    const link = tab.getByRole('link', { name: 'billing' });
    await link.focus();
    await pickFromContextMenu(browser, tab, link);
    const panel = tab.getByRole('dialog', { name: 'MXray' });
    await panel.waitFor();
    await waitForDone(panel);
    await pressKeys(browser.display!, 'Escape');
    await tab.locator('mxray-panel').waitFor({ state: 'detached' });
    expect(await tab.evaluate(() => document.activeElement?.textContent)).toBe('billing');
  });
});

describe('the same PTR names in the CLI', () => {
  it('prints them escaped, and a terminal-like page of that output is screenshotted', async () => {
    const outputs: string[] = [];
    for (const domain of ['ptr-zwsp.test', 'ptr-rlo.test']) {
      const { stdout } = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin/mxray.js'), '--no-fallback', '--resolver', stack.dohUrl, domain], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: stack.caPath, NO_COLOR: '1' },
      }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
      expect(stdout).not.toMatch(RAW_UNSAFE);
      outputs.push(`$ mxray ${domain}\n${stdout}`);
    }
    expect(outputs.join('')).toContain('mx.ptr\\u200bzwsp.test');
    expect(outputs.join('')).toContain('mail.moc\\u202elapyap.ptr-rlo.test');
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 560 });
    await page.setContent(
      '<body style="margin:0;background:#1e1e1e"><pre style="margin:0;padding:12px;color:#ddd;font:13px/1.35 monospace;white-space:pre-wrap"></pre></body>',
    );
    // The text goes in as a text node, exactly as the terminal got it.
    await page.locator('pre').evaluate((pre, text) => (pre.textContent = text), outputs.join('\n'));
    await saveScreenshot(page, 'cli-ptr-zero-width-space-and-rlo');
    await page.close();
  });
});
