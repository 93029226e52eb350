// Firefox: the "Resilience" line (issue #17) in the real toolbar popup, opened with the keyboard
// shortcut on a tab showing the domain, and opened to its details with a real click. Headful
// Firefox ESR on a private Xvfb display (harness/person.ts says what is real).
import { copyFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../stack/stack-info';
import { readMailServers, waitForDone } from '../harness/read-report';
import { launchFirefox, type FirefoxBrowser } from './harness/firefox';
import { asPlaywright } from './harness/locator';
import { openToolbarPopup, type ToolbarPopup } from './harness/person';
import { saveScreenCapture } from './harness/screen-capture';

const stack = inject('stack');
let fx: FirefoxBrowser;
let popup: ToolbarPopup | undefined;

beforeAll(async () => {
  fx = await launchFirefox({ stack });
});

afterAll(async () => {
  await popup?.close();
  await fx?.close();
});

async function popupOn(url: string) {
  await popup?.close();
  await fx.tab.goto(url);
  popup = await openToolbarPopup(fx);
  return asPlaywright(popup.scope);
}

describe('the Resilience line in the Firefox toolbar popup', () => {
  it.each([
    ['spread.test', 'Resilience 2 networks, 2 countries, backup ready', false, /^OK The MX hosts are spread over 2 networks/],
    ['nolisting.test', 'Resilience 1 network, 1 country, first MX does not answer (nolisting?)', true, /^Info mx0\.nolisting\.test \(10\) takes all the mail/],
  ])('%s: the line, then its details', async (domain, line, startsOpen, first) => {
    const page = await popupOn(`http://${domain}/`);
    await waitForDone(page);
    const group = page.getByRole('group', { name: 'Resilience' });
    const summary = group.locator('summary');
    await expect.poll(async () => (await summary.textContent())?.replace(/\s+/g, ' ').trim(), { timeout: 8_000 }).toBe(line);
    expect(await group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(startsOpen);
    if (!startsOpen) await summary.click();
    await expect.poll(() => group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const items = (await group.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(items[0]).toMatch(first);
    const rows = await readMailServers(page);
    expect(rows.filter((r) => /[.:]/.test(r.ip)).every((r) => /^AS6450[01] EXAMPLE-NET-[AB] \S+ · (DE|NL)$/.test(r.cells['Network'] ?? ''))).toBe(true);
    if (domain === 'spread.test') {
      const shot = await saveScreenCapture(fx.fbdir, 'firefox-resilience-spread', await popup!.rect());
      await copyFile(shot, fileURLToPath(new URL('../../../docs/screenshots/resilience-firefox.png', import.meta.url)));
    }
  });
});
