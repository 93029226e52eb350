// "Explain a message" (issue #22) as a person uses it: message.html opened from the popup's link,
// an .eml given through the real file input and another dropped on the page, the verdict, the
// route and the authentication table read as they are shown; a selection of header lines
// right-clicked in a page, "Explain with MXray" picked in the native context menu (its line breaks
// must arrive); a hostile message shown as text, with nothing loaded from its URLs. Written once;
// message.e2e.test.ts runs it in Chromium, firefox/message.e2e.test.ts in Firefox. Screenshots,
// light and dark: message-authenticated, message-forwarded-arc, message-body-changed,
// message-dmarc-bounce (Firefox's with a `firefox-` prefix).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../stack/stack-info';
import type { Driver, DriverKind, Scope, View } from '../drivers/driver';
import { HEADER_LINES } from '../harness/site-server';

const FIXTURES = join(import.meta.dirname, '../../fixtures/messages');
const fixture = (name: string) => join(FIXTURES, name);

/** What the person reads in a table: one array of cell texts per body row, white space collapsed. */
async function tableRows(scope: Scope, name: string): Promise<string[][]> {
  const table = scope.getByRole('table', { name });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows: Element[]) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

/**
 * Drops the file as a person's drag from the file manager ends: a `drop` event on the page whose
 * DataTransfer holds the file (the bytes travel in the function's source: evaluate takes no arguments).
 */
function dropFileScript(name: string, bytes: Buffer): (view: Window & typeof globalThis) => boolean {
  const body = `
    const text = ${JSON.stringify(bytes.toString('latin1'))};
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    const transfer = new view.DataTransfer();
    transfer.items.add(new view.File([bytes], ${JSON.stringify(name)}, { type: 'message/rfc822' }));
    const target = view.document.querySelector('main');
    target.dispatchEvent(new view.DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    target.dispatchEvent(new view.DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    return !target.dispatchEvent(new view.DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  `;
  return new Function('view', body) as (view: Window & typeof globalThis) => boolean;
}

export function messageScenarios(kind: DriverKind): void {
  const stack = inject('stack');
  const chromium = kind.name === 'chromium';
  let driver: Driver;
  let message: View;

  beforeAll(async () => {
    driver = await kind.launch({ stack });
  });

  afterAll(async () => {
    await driver?.close();
  });

  const page = (): Scope => message.scope;
  const verdict = () => page().getByRole('region', { name: 'Verdict' });
  const textBox = () => page().getByRole('textbox', { name: /^Paste the message/ });
  /** Firefox's screenshots are the same names with a `firefox-` prefix. */
  const shot = (name: string) => (chromium ? name : `firefox-${name}`);

  /** The whole page (its main landmark, taller than the window), light and dark. */
  async function screenshots(name: string): Promise<void> {
    const main = page().getByRole('main');
    await message.colorScheme('light');
    await message.screenshot(shot(`${name}-light`), main);
    await message.colorScheme('dark');
    await message.screenshot(shot(`${name}-dark`), main);
    await message.colorScheme('light');
  }

  /** Explain whatever the page holds, and wait for the verdict (or fail with the page's alert). */
  async function explain(): Promise<string> {
    await page().getByRole('button', { name: 'Explain', exact: true }).click();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if ((await verdict().count()) === 1) return (await verdict().innerText()).replace(/\s+/g, ' ').trim();
      if ((await page().getByRole('alert').count()) > 0) throw new Error(`the page said: ${await page().getByRole('alert').innerText()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no verdict within 20 s');
  }

  async function chooseFixture(name: string): Promise<void> {
    await message.chooseFile('input[type="file"]', fixture(name));
    await page().getByText(`Explain reads this file.`, { exact: false }).waitFor();
  }

  describe(`${kind.name}: explain a message`, () => {
    it('opens from the popup’s link; an .eml through the file input: the verdict, the route and the authentication table', async () => {
      await driver.goto('http://emails.test/');
      const popup = await driver.openToolbarPopup();
      try {
        await popup.scope.getByRole('link', { name: 'Explain a message' }).waitFor();
        await popup.screenshot(shot('message-popup-link'));
        await popup.scope
          .getByRole('link', { name: 'Explain a message' })
          .click({ noWaitAfter: true })
          .catch(() => undefined);
        message = await driver.waitForExtensionTab('message.html');
      } finally {
        await popup.close();
      }
      await message.bringToFront();
      await page().getByText('Only DNS questions', { exact: false }).waitFor();
      await chooseFixture('authenticated.eml');
      const said = await explain();
      expect(said).toMatch(/^Authenticated /);
      expect(said).toContain('From domain sender.msg.test');

      const route = await tableRows(page(), 'Route');
      expect(route.map((row) => row.slice(0, 6))).toEqual([
        ['1', expect.stringMatching(/192\.168\.1\.20|dsl-client/), 'submit.sender.msg.test', '192.168.1.20', 'ESMTPSA', 'yes'],
        ['2', 'submit.sender.msg.test', 'mail.sender.msg.test', '10.1.0.25', 'ESMTP', 'no'],
        ['3', 'mail.sender.msg.test', 'mx.receiver.msg.test', '198.51.100.220', 'ESMTPS', 'yes'],
        ['4', 'mx.receiver.msg.test', 'mailstore.receiver.msg.test', '10.20.0.7', 'LMTP', 'unknown'],
      ]);
      // Times in the person's zone (the browser's), as toLocaleString writes them; the slow hop said in words.
      const local = await message.evaluate((view) => new view.Date('2026-12-03T13:09:52Z').toLocaleString());
      expect(route[2]!.slice(6)).toEqual([local, '8 min', expect.stringContaining('slow hop (greylisting or a queue)')]);
      expect(
        await page()
          .getByText(/^Total time: /)
          .innerText(),
      ).toBe('Total time: 8 min 3 s');

      const auth = await tableRows(page(), 'Authentication');
      expect(auth.map((row) => row[0])).toEqual(['DKIM', 'SPF', 'DMARC', 'ARC']);
      expect(auth[0]!.slice(1)).toEqual(['pass (d=sender.msg.test)', 'pass']);
      expect(auth[1]![1]).toMatch(/^pass \(198\.51\.100\.220 for sender\.msg\.test\)$/);
      expect(auth[2]![1]).toMatch(/^pass \(policy reject, p=\) for sender\.msg\.test$/);
      expect(await tableRows(page(), 'DKIM signatures')).toEqual([['sender.msg.test', 's2026', 'rsa-sha256', 'pass', expect.any(String), 'yes']]);
      await screenshots('message-authenticated');
    }, 60_000);

    it('a dropped .eml: a message forwarded by a list, its ARC sets and who vouched for what', async () => {
      const dropped = await message.evaluate(dropFileScript('forwarded-arc.eml', readFileSync(fixture('forwarded-arc.eml'))));
      expect(dropped).toBe(true); // the page took the drop (it called preventDefault)
      await page().getByText('forwarded-arc.eml', { exact: false }).waitFor();
      const said = await explain();
      expect(said).toMatch(/^(Authenticated|Not authenticated) /);
      const arc = await tableRows(page(), 'ARC sets');
      expect(arc.length).toBeGreaterThan(0);
      expect(arc.every((row) => row[3] === 'pass' && row[4] === 'pass')).toBe(true);
      expect(
        await page()
          .getByText(/^Chain: pass/)
          .count(),
      ).toBe(1);
      await screenshots('message-forwarded-arc');
    }, 60_000);

    it('a body changed after signing: not authenticated, the DKIM reason in words', async () => {
      await chooseFixture('body-changed.eml');
      const said = await explain();
      expect(said).toMatch(/^Not authenticated /);
      const [signature] = await tableRows(page(), 'DKIM signatures');
      expect(signature![3]).toBe('fail');
      expect(signature![4]).toMatch(/body hash/);
      await screenshots('message-body-changed');
    }, 60_000);

    it('a DMARC bounce: the status in plain words, the remote server, and the lookups that check it', async () => {
      await chooseFixture('dmarc-bounce.eml');
      const said = await explain();
      expect(said).toMatch(/^Bounced /);
      const bounce = page().getByRole('region', { name: 'Bounce' });
      expect((await bounce.innerText()).replace(/\s+/g, ' ')).toContain('5.7.26');
      expect(await bounce.getByRole('list', { name: 'Lookups for this bounce' }).getByRole('link').count()).toBeGreaterThan(0);
      await screenshots('message-dmarc-bounce');
    }, 60_000);

    it('"Explain with MXray" on a right-clicked selection of header lines: a new page explains it, line breaks kept, nothing in the URL', async () => {
      await message.close();
      await driver.goto('http://emails.test/message-headers');
      const point = await driver.selectTextByMouse(HEADER_LINES.join('\n'));
      await driver.pickFromContextMenu(point, 'explain');
      message = await driver.waitForExtensionTab('message.html');
      await verdict().waitFor({ timeout: 20_000 });
      expect(await textBox().inputValue()).toBe(HEADER_LINES.join('\n'));
      const route = await tableRows(page(), 'Route');
      expect(route.map((row) => row.slice(1, 4))).toEqual([['mail.five-mx.test', 'mx.one-mx.test', '192.0.2.10']]);
      // The text came through storage.session, and is gone from it; the URL never held it.
      expect(await message.evaluate((view) => view.location.href)).toMatch(/\/message\.html$/);
      const left = await message.evaluate((view) =>
        (view as unknown as { chrome: typeof chrome }).chrome.storage.session
          .get(null)
          .then((all) => Object.keys(all).filter((key) => key.startsWith('handoff:'))),
      );
      expect(left).toEqual([]);
    }, 60_000);

    it('a 50 MB file: the first 25 MB are read, the page says so, and it ends in a verdict or a sentence without a page error', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mxray-big-message-'));
      try {
        const big = join(dir, 'big.eml');
        const line = `${'x'.repeat(76)}\r\n`;
        const header = readFileSync(fixture('authenticated.eml'), 'latin1').split('\r\n\r\n')[0]!;
        writeFileSync(big, `${header}\r\n\r\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`, 'latin1');
        const watched = await message.watch();
        await message.chooseFile('input[type="file"]', big);
        await page().getByText('only the first 25.0 MB were read, the rest was not', { exact: false }).waitFor({ timeout: 20_000 });
        await page().getByRole('button', { name: 'Explain', exact: true }).click();
        await expect
          .poll(async () => (await verdict().count()) + (await page().getByRole('alert').count()), { timeout: 60_000, interval: 250 })
          .toBeGreaterThan(0);
        if ((await verdict().count()) === 1) expect(await verdict().innerText()).toMatch(/^(Authenticated|Not authenticated|Cannot verify)/);
        else expect(await page().getByRole('alert').innerText()).toMatch(/^(This does not look like|MXray could not explain)/);
        expect((await watched()).errors).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);

    it('a hostile message: markup and bidi shown as text, no element made from it, nothing fetched from its URLs', async () => {
      const watched = await message.watch();
      await message.evaluate((view) => {
        const seen: string[] = [];
        (view as unknown as { __violations: string[] }).__violations = seen;
        view.document.addEventListener('securitypolicyviolation', (event) => seen.push(event.blockedURI));
      });
      await textBox().fill('');
      await chooseFixture('hostile.eml');
      await explain();
      const text = (await verdict().innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Invoice \\u202efdp.exe');
      const route = await tableRows(page(), 'Route');
      expect(route[0]![1]).toBe('evil.invalid');
      const found = await message.evaluate((view) => ({
        elements: [...view.document.querySelectorAll('img, iframe, object, embed, script')].map((element) => element.outerHTML),
        handlers: view.document.querySelectorAll('[onmouseover], [onerror], [onload]').length,
        resources: view.performance.getEntriesByType('resource').map((entry) => entry.name),
        violations: (view as unknown as { __violations: string[] }).__violations,
        bidi: view.document.body.textContent!.includes('\u202e'),
      }));
      expect(found.elements).toEqual(['<script type="module" src="message.js"></script>']);
      expect(found.handlers).toBe(0);
      expect(found.resources.filter((url) => /invalid|tracker/.test(url))).toEqual([]);
      expect(found.violations).toEqual([]);
      expect(found.bidi).toBe(false);
      expect(await watched()).toEqual({ dialogs: [], errors: [] });
    }, 60_000);
  });
}
