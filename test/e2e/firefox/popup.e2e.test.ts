// Firefox: the toolbar popup as a person uses it, opened with the real keyboard shortcut on a
// real tab (Firefox grants activeTab and the popup reads the tab's address itself), the quick box
// typed into with real key presses, and the default resolver (Cloudflare) hanging. Headful
// Firefox ESR on a private Xvfb display; see harness/person.ts for what is real and what is read
// another way.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../stack/stack-info';
import type { FaultServer } from '../../stack/fault-server';
import { domainSwitch, mailServerTable, quickBoxInput, readFindings, readFooter, readMailServers, waitForDone } from '../harness/read-report';
import { startResolverDouble } from '../harness/resolvers';
import { expectDnsHtmlShownAsText } from '../harness/xss';
import { launchFirefox, PROVIDER_HOSTS, type FirefoxBrowser } from './harness/firefox';
import { asPlaywright, type FxLocator } from './harness/locator';
import { openToolbarPopup, type ToolbarPopup } from './harness/person';
import { saveScreenCapture } from './harness/screen-capture';

const stack = inject('stack');
let fx: FirefoxBrowser;
let cloudflare: FaultServer & { port: number };
let popup: ToolbarPopup | undefined;

beforeAll(async () => {
  // Plays Cloudflare in the fallback test only; dnsdist answers for every provider until then.
  cloudflare = await startResolverDouble(stack);
  fx = await launchFirefox({ stack });
});

afterAll(async () => {
  await fx?.close();
  await cloudflare?.close();
});

/** Opens the real popup on the tab showing `url` (closing the one before with Esc). */
async function popupOn(url: string): Promise<FxLocator> {
  await popup?.close();
  await fx.tab.goto(url);
  popup = await openToolbarPopup(fx);
  return popup.scope;
}

/** Types into the quick box (a real click into it, then real keys) and presses Enter. */
async function lookUp(scope: FxLocator, input: string): Promise<void> {
  const box = quickBoxInput(asPlaywright(scope));
  await box.fill(input);
  await box.press('Enter');
}

describe('Firefox toolbar popup on a tab (Alt+Shift+M)', () => {
  it("leads with the registrable domain's mail servers, and the Domain switch flips to the host", async () => {
    const scope = await popupOn('http://www.shop.example.co.uk/');
    const page = asPlaywright(scope);
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

    await host.click(); // a real click in the popup
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

  it('looks up an email typed in the quick box: five servers in order, the equal pair load balanced (screenshot)', async () => {
    const scope = await popupOn('http://www.shop.example.co.uk/');
    const page = asPlaywright(scope);
    await lookUp(scope, 'help@five-mx.test');
    await page.getByRole('heading', { level: 1, name: /five-mx\.test/ }).waitFor();
    await waitForDone(page);
    const rows = await readMailServers(page);
    const servers = [...new Set(rows.map((r) => r.server))];
    expect(servers).toEqual(['mx1.five-mx.test', 'mx2.five-mx.test', 'mx3.five-mx.test', 'mx4.five-mx.test', 'mx5.five-mx.test']);
    const groupOf = (server: string) => rows.filter((r) => r.server === server).map((r) => [r.preference, r.loadBalanced]);
    expect(groupOf('mx1.five-mx.test')).toEqual([[10, true], [10, true]]);
    expect(groupOf('mx2.five-mx.test')).toEqual([[10, true], [10, true]]);
    expect(groupOf('mx3.five-mx.test')).toEqual([[20, false], [20, false]]);
    expect(rows.map((r) => r.ip)).toEqual(['192.0.2.11', '2001:db8::11', '192.0.2.12', '2001:db8::12', '192.0.2.13', '2001:db8::13', '192.0.2.14', '192.0.2.15']);
    expect(rows.map((r) => r.fcrdns)).toEqual(Array(8).fill('pass'));
    expect(rows.map((r) => r.ptr)).toEqual(rows.map((r) => r.server));
    // The mail setup sections load after the table, in Firefox too, and judge five-mx.test.
    const setup = page.getByRole('region', { name: 'Mail setup' });
    await setup.getByText('SPF', { exact: true }).first().waitFor();
    for (const title of ['Provider', 'DMARC', 'DKIM', 'MTA-STS', 'TLS reporting', 'BIMI', 'DNSSEC', 'Blocklists', 'Compare resolvers']) {
      await setup.getByText(title, { exact: true }).first().waitFor({ state: 'attached' });
    }
    await setup.getByText('p=quarantine', { exact: true }).first().waitFor({ state: 'attached' });

    // The popup as Firefox draws it, read from the X screen (no protocol can capture a popup).
    await saveScreenCapture(fx.fbdir, 'firefox-popup', await popup!.rect());
  });

  it('looks up an IP typed in the quick box: its PTR, forward-confirmed', async () => {
    const page = asPlaywright(popup!.scope);
    await lookUp(popup!.scope, '192.0.2.25');
    await page.getByRole('heading', { level: 1, name: '192.0.2.25', exact: true }).waitFor();
    await waitForDone(page);
    const reverse = page.getByRole('table', { name: 'Reverse DNS' });
    const cells = (await reverse.getByRole('cell').allTextContents()).map((cell) => cell.trim());
    expect(cells[0]).toMatch(/^192\.0\.2\.25\b/);
    expect(cells.slice(1, 3)).toEqual(['host25.test', 'pass']);
  });

  it('answers garbage in the quick box with an alert in words, and keeps working', async () => {
    const page = asPlaywright(popup!.scope);
    await lookUp(popup!.scope, 'exa mple..com');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = ((await alert.textContent()) ?? '').trim();
    expect(text).toMatch(/[A-Za-z]+ [a-z]+.*\./); // a sentence, not a code
    expect(await mailServerTable(page).count()).toBe(0);
    await lookUp(popup!.scope, 'one-mx.test');
    await page.getByRole('heading', { level: 1, name: 'one-mx.test', exact: true }).waitFor();
    await waitForDone(page);
    expect((await readMailServers(page)).map((r) => r.ip)).toEqual(['192.0.2.10', '2001:db8::10']);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('shows HTML found in DNS data as text and never runs it', async () => {
    // A trap: anything calling the popup's alert() (what `<img onerror=alert(1)>` would do) is recorded.
    await popup!.evaluate((view) => {
      const trapped = view as Window & { __xss?: boolean };
      trapped.__xss = false;
      trapped.alert = () => void (trapped.__xss = true);
    });
    const page = asPlaywright(popup!.scope);
    await lookUp(popup!.scope, 'xss.test');
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
        xss: (view as Window & { __xss?: boolean }).__xss,
      };
    });
    expect(dom).toEqual({ handlers: 0, images: [], scripts: ['popup.js'], bold: [], xss: false });
  });
});

describe('Firefox: the default resolver hangs', () => {
  it('falls back to Google when Cloudflare hangs, and says so in the footer', async () => {
    cloudflare.setDefaultModes(['hang']);
    cloudflare.clearLog();
    // From now on Cloudflare's connections reach the hanging server (open ones are cut).
    fx.hosts.routeTls(PROVIDER_HOSTS.cloudflare, cloudflare.port);
    await popup?.close();
    // A tab without a domain: the popup opens on the quick box and asks nothing by itself.
    await fx.tab.goto('about:blank');
    popup = await openToolbarPopup(fx);
    const page = asPlaywright(popup.scope);
    await lookUp(popup.scope, 'v6only.test'); // not looked up before: nothing cached
    await waitForDone(page, 15_000);
    expect((await readMailServers(page)).map((r) => [r.server, r.ip, r.fcrdns])).toEqual([['mx.v6only.test', '2001:db8::80', 'pass']]);
    const footer = await readFooter(page);
    expect(footer).toContain('Cloudflare did not answer; Google answered');
    // Cloudflare may be named for answers it gave before the hang, kept in the cache (the DMARC
    // tree walk asks `_dmarc.test` for every .test name).
    expect(footer).toMatch(/^via (Cloudflare, )?Google\b/);
    // Cloudflare was asked and never answered.
    expect(cloudflare.log.length).toBeGreaterThan(0);
    expect(cloudflare.log.every((entry) => entry.httpStatus === null)).toBe(true);
  }, 30_000);
});
