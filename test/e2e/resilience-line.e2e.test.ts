// The "Resilience" line (issue #17, docs/ui.md) as a person meets it: the real toolbar popup on a
// tab showing the domain (Alt+Shift+M), and the result page (`popup.html?q=`) at the popup's
// size for the screenshots. Read by role and name: a `details` named "Resilience" whose summary
// is the compact line, opening to its findings; and the mail server table's Network column.
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import '../stack/stack-info';
import { launchExtensionBrowser, openExtensionPage, type ExtensionBrowser } from './harness/browser';
import { openToolbarPopup, pickFromContextMenu, type ToolbarPopup } from './harness/person';
import { readMailServers, waitForDone } from './harness/read-report';
import { saveScreenshot } from './harness/screenshots';
import { startSiteServer, type SiteServer } from './harness/site-server';

const stack = inject('stack');
const DOCS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
let site: SiteServer;
let browser: ExtensionBrowser;
let popup: ToolbarPopup | undefined;

beforeAll(async () => {
  site = await startSiteServer();
  browser = await launchExtensionBrowser({ stack, sitePort: site.port, person: true });
});

afterAll(async () => {
  await popup?.close();
  await browser?.close();
  await site?.close();
});

type Scope = Pick<Page, 'getByRole'>;
const resilience = (scope: Scope) => scope.getByRole('group', { name: 'Resilience' });

/** The summary line's text, once the network answers are in (no "checking"). */
async function readLine(page: Scope): Promise<string> {
  const summary = resilience(page).locator('summary');
  await expect.poll(async () => (await summary.textContent())?.replace(/\s+/g, ' ').trim() ?? '', { timeout: 8_000 }).toMatch(/^Resilience (?!checking)/);
  return (await summary.textContent())!.replace(/\s+/g, ' ').trim();
}

/** Opens the details as a person does (a click on the summary) and reads its findings. */
async function openDetails(page: Scope): Promise<string[]> {
  const group = resilience(page);
  if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator('summary').click();
  await expect.poll(() => group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  return (await group.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('the Resilience line in Chromium', () => {
  it('shows in the real toolbar popup on a tab, and opens to its details', async () => {
    const tab = browser.context.pages()[0] ?? (await browser.context.newPage());
    await tab.goto('http://one-network.test/');
    popup = await openToolbarPopup(browser, tab);
    const page = popup.page;
    await waitForDone(page);
    expect(await readLine(page)).toBe('Resilience 1 network, 1 country, backup on the same network');
    const details = await openDetails(page);
    expect(details[0]).toMatch(/^Warning Every MX host \(mx1\.one-network\.test and mx2\.one-network\.test\) is in one network, 192\.0\.2\.0\/24, in AS64500/);
    const rows = await readMailServers(page);
    expect(rows.map((r) => [r.server, r.ip, r.cells['Network']])).toEqual([
      ['mx1.one-network.test', '192.0.2.181', 'AS64500 EXAMPLE-NET-A 192.0.2.0/24 · DE'],
      ['mx2.one-network.test', '192.0.2.182', 'AS64500 EXAMPLE-NET-A 192.0.2.0/24 · DE'],
    ]);
    await popup.close();
    popup = undefined;
  });

  it.each([
    [
      'nolisting',
      'nolisting.test',
      'Resilience 1 network, 1 country, first MX does not answer (nolisting?)',
      /^Info mx0\.nolisting\.test \(10\) takes all the mail while it answers; mx\.nolisting\.test \(20\) is used only when/,
    ],
    ['single-network', 'one-network.test', 'Resilience 1 network, 1 country, backup on the same network', /^Warning Every MX host/],
    [
      'well-spread',
      'spread.test',
      'Resilience 2 networks, 2 countries, backup ready',
      /^OK The MX hosts are spread over 2 networks \(AS64500 and AS64501\) in 2 countries \(DE and NL\)/,
    ],
  ])('%s: %s on the result page, with a screenshot', async (name, domain, line, first) => {
    const page = await openExtensionPage(browser, `popup.html?q=${domain}`, { width: 600, height: 760 });
    await waitForDone(page);
    expect(await readLine(page)).toBe(line);
    expect((await openDetails(page))[0]).toMatch(first);
    if (domain === 'nolisting.test') {
      const findings = (await page.getByRole('region', { name: 'Findings' }).getByRole('listitem').allTextContents()).join('\n');
      expect(findings).toContain('This looks like nolisting or like a broken primary.');
      expect(findings).not.toContain('has no IPv4 or IPv6 address, so senders skip it');
    }
    const shot = await saveScreenshot(page, `resilience-${name}`);
    await mkdir(DOCS, { recursive: true });
    await copyFile(shot, `${DOCS}resilience-${name}.png`);
    await page.close();
  });

  it('the options switch "Networks of the mail servers" turns the network lookups off', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    const box = options.getByRole('checkbox', { name: 'Networks of the mail servers' });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await options
      .getByRole('status')
      .filter({ hasText: /^Saved/ })
      .waitFor();
    // A name not looked up before, so no cached report stands in for a new lookup.
    const page = await openExtensionPage(browser, 'popup.html?q=pref-typo.test', { width: 600, height: 760 });
    await waitForDone(page);
    expect(await readLine(page)).toBe('Resilience 2 address blocks, backup ready');
    const rows = await readMailServers(page);
    expect(Object.keys(rows[0]!.cells)).not.toContain('Network');
    await box.check();
    await options
      .getByRole('status')
      .filter({ hasText: /^Saved/ })
      .waitFor();
    await Promise.all([page.close(), options.close()]);
  });

  it('shows in the in-page panel (right-click on the page, "MX lookup for this site’s domain")', async () => {
    const tab = await browser.context.newPage();
    await tab.goto('http://spread.test/');
    const size = tab.viewportSize() ?? (await tab.evaluate(() => ({ width: innerWidth, height: innerHeight })));
    await pickFromContextMenu(browser, tab, { x: size.width / 2, y: size.height - 60 });
    const panel = tab.getByRole('dialog', { name: 'MXray' });
    await panel.waitFor();
    await waitForDone(panel);
    expect(await readLine(panel)).toBe('Resilience 2 networks, 2 countries, backup ready');
    expect((await openDetails(panel))[0]).toMatch(/^OK The MX hosts are spread over 2 networks/);
    await saveScreenshot(panel, 'resilience-panel');
    await tab.close();
  });
});
