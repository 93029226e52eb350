// The toolbar popup as a person uses it: opened with the real keyboard shortcut on a real tab
// (so the browser grants activeTab and the popup reads the tab's address itself), then the quick
// box typed into. Also the result page (`popup.html?q=`) and the address bar (`mx <query>`).
// Written once; test/e2e/popup.e2e.test.ts runs it in Chromium, firefox/popup.e2e.test.ts in Firefox.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../stack/stack-info';
import { domainSwitch, mailServerTable, quickBoxInput, readFindings, readMailServers, waitForDone } from '../harness/read-report';
import { expectDnsHtmlShownAsText } from '../harness/xss';
import type { Driver, DriverKind, Scope, ToolbarPopup } from '../drivers/driver';

/** Types into the quick box (a real click into it in Firefox) and presses Enter, as a person does. */
export async function lookUp(scope: Scope, input: string): Promise<void> {
  const box = quickBoxInput(scope);
  await box.fill(input);
  await box.press('Enter');
}

export function popupScenarios(kind: DriverKind): void {
  const stack = inject('stack');
  let driver: Driver;
  let popup: ToolbarPopup | undefined;

  beforeAll(async () => {
    driver = await kind.launch({ stack });
  });

  afterAll(async () => {
    await popup?.close();
    await driver?.close();
  });

  /** Opens the real popup on the tab showing `url` (closing the previous popup first). */
  async function popupOn(url: string): Promise<Scope> {
    await popup?.close();
    popup = undefined;
    await driver.goto(url);
    popup = await driver.openToolbarPopup();
    return popup.scope;
  }

  /** The popup already open (tests in a row share it, as a person keeps typing), or a new one. */
  async function openPopup(): Promise<Scope> {
    return popup ? popup.scope : popupOn('http://www.shop.example.co.uk/');
  }

  describe(`${kind.name}: toolbar popup on a tab (Alt+Shift+M)`, () => {
    it("leads with the registrable domain's mail servers, and the Domain switch flips to the host", async () => {
      const page = await popupOn('http://www.shop.example.co.uk/');
      await page.getByRole('heading', { level: 1, name: 'example.co.uk', exact: true }).waitFor();
      await waitForDone(page);
      const rows = await readMailServers(page);
      expect(rows.map((r) => [r.preference, r.server, r.ip, r.ptr, r.fcrdns])).toEqual([[10, 'mx.example.co.uk', '192.0.2.110', 'mx.example.co.uk', 'pass']]);
      const findings = await readFindings(page);
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) expect(finding).toMatch(/^(Error|Warning|Info|OK) \S/);

      const choices = domainSwitch(page).getByRole('button');
      expect(await choices.allTextContents()).toEqual(['www.shop.example.co.uk', 'example.co.uk']);
      const registrable = domainSwitch(page).getByRole('button', { name: 'example.co.uk', exact: true });
      const host = domainSwitch(page).getByRole('button', { name: 'www.shop.example.co.uk', exact: true });
      expect(await registrable.getAttribute('aria-pressed')).toBe('true');
      expect(await host.getAttribute('aria-pressed')).toBe('false');

      await host.click();
      await page.getByRole('heading', { level: 1, name: 'www.shop.example.co.uk', exact: true }).waitFor();
      expect(await host.getAttribute('aria-pressed')).toBe('true');
      await waitForDone(page);
      const implicit = await readMailServers(page);
      // No MX: mail goes to the name's own address (implicit MX, RFC 5321 §5.1).
      expect(implicit).toHaveLength(1);
      expect(implicit[0]!.server).toMatch(/^www\.shop\.example\.co\.uk\b/);
      expect(implicit[0]!.server).toContain('implicit MX');
      expect([implicit[0]!.ip, implicit[0]!.ptr, implicit[0]!.fcrdns]).toEqual(['192.0.2.111', 'www.shop.example.co.uk', 'pass']);
    });

    it('is screenshotted in light and dark (test-results/screenshots/)', async () => {
      const page = await popupOn('http://five-mx.test/');
      await page.getByRole('heading', { level: 1, name: 'five-mx.test', exact: true }).waitFor();
      await waitForDone(page);
      const background = () => popup!.evaluate((view) => view.getComputedStyle(view.document.body).backgroundColor);
      await popup!.colorScheme('light');
      await expect.poll(background).toMatch(/\d/);
      const prefix = kind.name === 'chromium' ? 'popup' : 'firefox-popup';
      await popup!.screenshot(`${prefix}-light`);
      const light = await background();
      await popup!.colorScheme('dark');
      await expect.poll(background).not.toBe(light); // the theme follows prefers-color-scheme
      await popup!.screenshot(`${prefix}-dark`);
      await popup!.colorScheme('light');
      await expect.poll(background).toBe(light);
    });

    it('looks up an email typed in the quick box: five servers in order, the equal pair load balanced, the mail setup after them', async () => {
      const page = await popupOn('http://www.shop.example.co.uk/');
      await lookUp(page, 'help@five-mx.test');
      await page.getByRole('heading', { level: 1, name: /five-mx\.test/ }).waitFor();
      await waitForDone(page);
      const rows = await readMailServers(page);
      const servers = [...new Set(rows.map((r) => r.server))];
      expect(servers).toEqual(['mx1.five-mx.test', 'mx2.five-mx.test', 'mx3.five-mx.test', 'mx4.five-mx.test', 'mx5.five-mx.test']);
      const groupOf = (server: string) => rows.filter((r) => r.server === server).map((r) => [r.preference, r.loadBalanced]);
      expect(groupOf('mx1.five-mx.test')).toEqual([
        [10, true],
        [10, true],
      ]);
      expect(groupOf('mx2.five-mx.test')).toEqual([
        [10, true],
        [10, true],
      ]);
      expect(groupOf('mx3.five-mx.test')).toEqual([
        [20, false],
        [20, false],
      ]);
      expect(rows.map((r) => r.ip)).toEqual([
        '192.0.2.11',
        '2001:db8::11',
        '192.0.2.12',
        '2001:db8::12',
        '192.0.2.13',
        '2001:db8::13',
        '192.0.2.14',
        '192.0.2.15',
      ]);
      expect(rows.map((r) => r.fcrdns)).toEqual(Array(8).fill('pass'));
      expect(rows.map((r) => r.ptr)).toEqual(rows.map((r) => r.server));
      // The mail setup sections load after the table and judge five-mx.test.
      const setup = page.getByRole('region', { name: 'Mail setup' });
      await setup.getByText('SPF', { exact: true }).first().waitFor();
      for (const title of ['Provider', 'DMARC', 'DKIM', 'MTA-STS', 'TLS reporting', 'BIMI', 'DNSSEC', 'Blocklists', 'Compare resolvers']) {
        await setup.getByText(title, { exact: true }).first().waitFor({ state: 'attached' });
      }
      await setup.getByText('p=quarantine', { exact: true }).first().waitFor({ state: 'attached' });
      await popup!.screenshot(kind.name === 'chromium' ? 'popup-five-mx' : 'firefox-popup');
    });

    it('looks up an IP typed in the quick box: its PTR, forward-confirmed', async () => {
      const page = await openPopup();
      await lookUp(page, '192.0.2.25');
      await page.getByRole('heading', { level: 1, name: '192.0.2.25', exact: true }).waitFor();
      await waitForDone(page);
      const reverse = page.getByRole('table', { name: 'Reverse DNS' });
      const cells = (await reverse.getByRole('cell').allTextContents()).map((cell) => cell.trim());
      expect(cells[0]).toMatch(/^192\.0\.2\.25\b/);
      expect(cells.slice(1, 3)).toEqual(['host25.test', 'pass']);
    });

    it('answers garbage in the quick box with an alert in words, and keeps working', async () => {
      const page = await openPopup();
      const watched = await popup!.watch();
      await lookUp(page, 'exa mple..com');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = ((await alert.textContent()) ?? '').trim();
      expect(text).toMatch(/[A-Za-z]+ [a-z]+.*\./); // a sentence, not a code
      expect(await mailServerTable(page).count()).toBe(0);
      await lookUp(page, 'one-mx.test');
      await page.getByRole('heading', { level: 1, name: 'one-mx.test', exact: true }).waitFor();
      await waitForDone(page);
      expect((await readMailServers(page)).map((r) => r.ip)).toEqual(['192.0.2.10', '2001:db8::10']);
      expect(await page.getByRole('alert').count()).toBe(0);
      expect((await watched()).errors).toEqual([]);
    });

    it('shows HTML found in DNS data as text and never runs it', async () => {
      const page = await openPopup();
      const watched = await popup!.watch();
      await lookUp(page, 'xss.test');
      await page.getByRole('heading', { level: 1, name: 'xss.test', exact: true }).waitFor();
      await waitForDone(page);
      await expectDnsHtmlShownAsText(page);
      await new Promise((resolve) => setTimeout(resolve, 200)); // an onerror would have fired by now
      const dom = await popup!.evaluate((view) => {
        const document = view.document;
        return {
          handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
          images: [...document.images].map((img) => img.getAttribute('src')),
          scripts: [...document.scripts].map((script) => script.getAttribute('src')),
          bold: [...document.querySelectorAll('b')].map((b) => b.textContent),
        };
      });
      expect(dom).toEqual({ handlers: 0, images: [], scripts: ['popup-early.js', 'popup.js'], bold: [] });
      await popup!.screenshot(kind.name === 'chromium' ? 'popup-xss' : 'firefox-popup-xss');
      expect((await watched()).dialogs).toEqual([]);
    });
  });

  describe(`${kind.name}: result page`, () => {
    it('runs popup.html?q=five-mx.test at once', async () => {
      const view = await driver.openExtensionPage('popup.html?q=five-mx.test');
      try {
        const page = view.scope;
        await page.getByRole('heading', { level: 1, name: 'five-mx.test', exact: true }).waitFor();
        await waitForDone(page);
        expect([...new Set((await readMailServers(page)).map((r) => r.server))]).toHaveLength(5);
        expect(await quickBoxInput(page).inputValue()).toBe('five-mx.test');
      } finally {
        await view.close();
      }
    });

    it('opens from the address bar: "mx one-mx.test"', async () => {
      await popup?.close();
      popup = undefined;
      await driver.goto('http://www.shop.example.co.uk/');
      await driver.pressKeys('ctrl+l');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await driver.typeText('mx one-mx.test');
      await new Promise((resolve) => setTimeout(resolve, 300)); // the keyword's suggestion settles
      await driver.pressKeys('Return');
      // The omnibox opens the result page in the current tab or a new one (its disposition).
      const view = await driver.waitForExtensionTab('popup.html?q=one-mx.test');
      const page = view.scope;
      await page.getByRole('heading', { level: 1, name: 'one-mx.test', exact: true }).waitFor();
      await waitForDone(page);
      expect((await readMailServers(page)).map((r) => r.server)).toEqual(['mx.one-mx.test', 'mx.one-mx.test']);
    });
  });
}
