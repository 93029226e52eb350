// The "Mail setup" diagnostics (issue #7, docs/ui.md "Mail setup" and "Mail setup buttons") as a
// person meets them: on the result page (`popup.html?q=...` in a tab), in the in-page panel, and
// through their buttons: a DKIM selector of one's own, "Check blocklists", "Compare resolvers",
// and "Fetch the policy" with the browser's real permission prompt, answered as a person does.
// Everything is read by role, accessible name and text, never by CSS class.
// Written once; mail-setup.e2e.test.ts runs it in Chromium, firefox/mail-setup.e2e.test.ts in Firefox.
//
// One browser for the file; the tests run in order and build on each other's settings (a saved
// selector, blocklists turned on), as one person's session would. Quad9 is played by a fault
// server (a resolver double) so "Compare resolvers" can be shown a resolver that disagrees; the
// other three providers are dnsdist. `mta-sts.sts.test` is mapped onto a local HTTPS server that
// serves test/zones/mta-sts/sts.test.txt.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../stack/stack-info';
import type { FaultServer } from '../../stack/fault-server';
import { startPolicyServer, POLICY_PATH, type PolicyServer } from '../harness/policy-server';
import { mailServerTable, quickBoxInput, waitForDone } from '../harness/read-report';
import { startResolverDouble } from '../harness/resolvers';
import type { Driver, DriverKind, View } from '../drivers/driver';
import { mailSetup, openSection, readSection, readSections, readTable, section, SECTION_TITLES, sectionFindings, settled, textOf } from './mail-setup-readers';

export function mailSetupScenarios(kind: DriverKind): void {
  const stack = inject('stack');
  let policy: PolicyServer;
  let quad9: FaultServer & { port: number };
  let driver: Driver;
  const shot = (name: string) => (kind.name === 'firefox' ? `firefox-${name}` : name);

  beforeAll(async () => {
    [policy, quad9] = await Promise.all([startPolicyServer(stack, 'sts.test.txt'), startResolverDouble(stack)]);
    driver = await kind.launch({ stack, resolvers: { quad9: quad9.port }, httpsHosts: { 'mta-sts.sts.test': policy.port } });
  });

  afterAll(async () => {
    await driver?.close();
    await Promise.all([policy?.close(), quad9?.close()]);
  });

  /** The result page for `query` in a new tab, once the lookup is done and Mail setup is drawn. */
  async function resultPage(query: string): Promise<View> {
    const view = await driver.openExtensionPage(`popup.html?q=${encodeURIComponent(query)}`);
    await waitForDone(view.scope);
    await mailSetup(view.scope).waitFor();
    return view;
  }

  async function optionsPage(): Promise<View> {
    const view = await driver.openExtensionPage('options.html');
    await view.scope.getByRole('checkbox', { name: 'Check DNS blocklists' }).waitFor();
    return view;
  }

  describe(`${kind.name}: Mail setup on the result page`, () => {
    it('spf-too-many.test: the region follows the mail servers, sections in order, SPF open with its error', async () => {
      const view = await resultPage('spf-too-many.test');
      const page = view.scope;
      try {
        // After the mail server table in the document (and so in reading order).
        const after = await mailSetup(page).evaluate((region: Element) => {
          const table = [...region.ownerDocument.querySelectorAll('table')].find((candidate) => candidate.caption?.textContent?.trim() === 'Mail servers');
          return !!table && !!(table.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        expect(after).toBe(true);
        await expect.poll(async () => (await readSections(page)).map((s) => s.title)).toEqual(SECTION_TITLES);

        const spf = await settled(page, 'SPF');
        expect(spf.verdict).toMatch(/^1 error\b/);
        expect(spf.gist).toBe('13 of 10 lookups');
        expect(spf.open).toBe(true); // a section with an error starts open
        const spfFindings = await sectionFindings(page, 'SPF');
        expect(spfFindings.find((f) => f.startsWith('Error'))).toMatch(/needs 13 DNS lookups.*RFC 7208 §4\.6\.4$/);
        // The include tree: each record as text, down to the fourth level.
        const tree = (await section(page, 'SPF').textContent()) ?? '';
        for (const record of ['v=spf1 mx include:_s1.spf-too-many.test -all', 'v=spf1 a:mx.one-mx.test mx:spf-too-many.test -all'])
          expect(tree).toContain(record);
        expect(tree).toContain('13 of 10 DNS lookups, 0 of 2 void lookups');

        // No DMARC record here or above it: a warning, so the section is open too, and no gist.
        const dmarc = await settled(page, 'DMARC');
        expect(dmarc).toMatchObject({ gist: '', verdict: '1 warning', open: true });
        expect((await sectionFindings(page, 'DMARC'))[0]).toMatch(/^Warning spf-too-many\.test has no DMARC record/);

        // Only what needs a look starts open; the two on-demand sections say so.
        const all = await readSections(page);
        for (const s of all) expect(s.open, `${s.title}: ${s.verdict}`).toBe(/error|warning/.test(s.verdict));
        expect(all.find((s) => s.title === 'Blocklists')?.verdict).toBe('off');
        expect(all.find((s) => s.title === 'Compare resolvers')?.verdict).toBe('on request');
        await view.screenshot(shot('mail-setup-spf-too-many'));
      } finally {
        await view.close();
      }
    });

    it('dkim.test: the "DKIM keys" table names each key by type and size; the 512-bit key is an error', async () => {
      const view = await resultPage('dkim.test');
      const page = view.scope;
      try {
        expect((await settled(page, 'DMARC')).gist).toBe('p=reject');
        const dkim = await settled(page, 'DKIM');
        expect(dkim.verdict).toMatch(/^\d+ errors?\b/);
        expect(dkim.open).toBe(true);
        const keys = Object.fromEntries(
          (await readTable(section(page, 'DKIM').getByRole('table', { name: 'DKIM keys' }))).map((row) => [row['Selector'], row]),
        );
        expect(keys['google']?.['Key']).toBe('2048-bit RSA');
        expect(keys['selector1']?.['Key']).toBe('1024-bit RSA');
        expect(keys['k1']?.['Key']).toBe('Ed25519');
        expect(keys['mail']?.['Key']).toBe('512-bit RSA');
        expect(keys['s1']?.['Key']).toBe('revoked (empty p=)');
        expect(keys['default']?.['Notes']).toContain('testing (t=y)');
        expect(keys['custom-sel']).toBeUndefined(); // only once the person adds it
        const findings = await sectionFindings(page, 'DKIM');
        expect(findings.filter((f) => f.startsWith('Error')).join('\n')).toMatch(/mail\._domainkey\.dkim\.test.*512-bit RSA key/);
      } finally {
        await view.close();
      }
    });
  });

  describe(`${kind.name}: Mail setup buttons`, () => {
    it('DKIM "Selector" + "Try it": saved, looked up again with the report kept on screen, found', async () => {
      const view = await resultPage('dkim.test');
      const page = view.scope;
      try {
        await settled(page, 'DKIM');
        const dkim = await openSection(page, 'DKIM');
        // Watch the page while the lookup runs again: the mail server table must never go away,
        // and the status line must say a lookup ran.
        await view.evaluate(() => {
          const seen = { statuses: [] as string[], tableGone: false };
          (window as unknown as { __watch: typeof seen }).__watch = seen;
          const look = () => {
            const status = [...document.querySelectorAll('[role=status]')].map((el) => el.textContent?.trim() ?? '').join(' | ');
            if (seen.statuses.at(-1) !== status) seen.statuses.push(status);
            // The table named by its caption "Mail servers" (docs/ui.md).
            if (![...document.querySelectorAll('table')].some((table) => table.caption?.textContent?.trim() === 'Mail servers')) seen.tableGone = true;
          };
          new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        });
        const tableCountBefore = await mailServerTable(page).count();
        expect(tableCountBefore).toBe(1);
        await dkim.getByRole('textbox', { name: 'Selector' }).fill('custom-sel');
        await dkim.getByRole('button', { name: 'Try it' }).click();
        const keys = section(page, 'DKIM').getByRole('table', { name: 'DKIM keys' });
        await keys.getByRole('rowheader', { name: /^custom-sel\b/ }).waitFor();
        await waitForDone(page);
        const row = (await readTable(keys)).find((r) => r['Selector']?.startsWith('custom-sel'));
        expect(row?.['Key']).toBe('2048-bit RSA');
        expect(row?.['Selector']).toBe('custom-sel added');
        const watch = await view.evaluate(() => (window as unknown as { __watch: { statuses: string[]; tableGone: boolean } }).__watch);
        expect(
          watch.statuses.some((s) => /Looking up/.test(s)),
          `status texts seen: ${JSON.stringify(watch.statuses)}`,
        ).toBe(true);
        expect(watch.tableGone, 'the mail server table left the page during the new lookup').toBe(false);
        expect(await mailServerTable(page).count()).toBe(1);
        expect(await dkim.getByRole('textbox', { name: 'Selector' }).inputValue()).toBe('');

        const options = await optionsPage();
        try {
          expect(await options.scope.getByRole('textbox', { name: 'Extra DKIM selectors' }).inputValue()).toBe('custom-sel');
        } finally {
          await options.close();
        }

        // Bad input: an alert, nothing saved, no new lookup.
        await dkim.getByRole('textbox', { name: 'Selector' }).fill('a b');
        await dkim.getByRole('button', { name: 'Try it' }).click();
        const alert = dkim.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toMatch(/^"a b" is not a selector/);
        const again = await optionsPage();
        try {
          expect(await again.scope.getByRole('textbox', { name: 'Extra DKIM selectors' }).inputValue()).toBe('custom-sel');
        } finally {
          await again.close();
        }
      } finally {
        await view.close();
      }
    });

    it('"Check blocklists": bad-ptr.test is listed on Spamhaus ZEN and SpamCop; five-mx.test gets a refusal, not a listing', async () => {
      const view = await resultPage('bad-ptr.test');
      const page = view.scope;
      try {
        const off = await readSection(page, 'Blocklists');
        expect(off).toMatchObject({ verdict: 'off', open: false });
        const blocklists = await openSection(page, 'Blocklists');
        expect(await blocklists.textContent()).toMatch(/sends each mail server's address to the blocklist operators/);
        await blocklists.getByRole('button', { name: 'Check blocklists' }).click();

        const listedVerdict = await settled(page, 'Blocklists', /error|warning/);
        expect(listedVerdict.open).toBe(true);
        const table = section(page, 'Blocklists').getByRole('table', { name: 'Blocklists (DNSBL)' });
        await table.waitFor();
        const rows = await readTable(table);
        const column = Object.keys(rows[0] ?? {}).find((header) => header.startsWith('192.0.2.70'));
        expect(column, `columns: ${Object.keys(rows[0] ?? {}).join(' / ')}`).toMatch(/^192\.0\.2\.70 mx\.bad-ptr\.test$/);
        const cell = (list: string) => rows.find((r) => r['List']?.startsWith(`${list} `))?.[column!];
        expect(cell('Spamhaus ZEN')).toMatch(/^listed\b/);
        expect(cell('SpamCop')).toMatch(/^listed\b/);
        expect(cell('Barracuda')).toBe('not listed');
        // Lists with a listing come first.
        expect(rows.slice(0, 2).map((r) => r['List']?.split(' ')[0])).toEqual(expect.arrayContaining(['Spamhaus', 'SpamCop']));
        const findings = await sectionFindings(page, 'Blocklists');
        expect(
          findings.some((f) => /^(Error|Warning) 192\.0\.2\.70 \(mx\.bad-ptr\.test\) is listed on Spamhaus ZEN/.test(f)),
          findings.join('\n'),
        ).toBe(true);
        expect(
          findings.some((f) => /^(Error|Warning) 192\.0\.2\.70 \(mx\.bad-ptr\.test\) is listed on SpamCop/.test(f)),
          findings.join('\n'),
        ).toBe(true);
        await view.screenshot(shot('mail-setup-blocklists-listed'), section(page, 'Blocklists'));

        // five-mx.test, typed into the quick box: blocklists are on now, so they are checked at once.
        await quickBoxInput(page).fill('five-mx.test');
        await quickBoxInput(page).press('Enter');
        await page.getByRole('heading', { level: 1, name: 'five-mx.test' }).waitFor();
        await waitForDone(page);
        await settled(page, 'Blocklists', /^(?!checking|off)/);
        const refused = await openSection(page, 'Blocklists');
        const fiveRows = await readTable(refused.getByRole('table', { name: 'Blocklists (DNSBL)' }));
        const mx1 = Object.keys(fiveRows[0] ?? {}).find((header) => header.startsWith('192.0.2.11 '));
        expect(mx1).toBeDefined();
        const spamhaus = fiveRows.find((r) => r['List']?.startsWith('Spamhaus ZEN '));
        expect(spamhaus?.[mx1!]).toBe('refused');
        expect(await refused.getByRole('cell', { name: 'refused' }).first().getAttribute('title')).toMatch(/^127\.255\.255\.254: /);
        // Nothing at all is listed for five-mx.test.
        expect(
          fiveRows
            .flatMap((r) =>
              Object.entries(r)
                .filter(([key]) => key !== 'List')
                .map(([, v]) => v),
            )
            .filter((v) => v.startsWith('listed')),
        ).toEqual([]);
        const fiveFindings = await sectionFindings(page, 'Blocklists');
        expect(
          fiveFindings.filter((f) => /^(Error|Warning) /.test(f)),
          fiveFindings.join('\n'),
        ).toEqual([]);
        expect(fiveFindings[0]).toMatch(
          /^OK None of the 8 mail server addresses is listed on any of the 9 blocklists that answered .*Spamhaus ZEN gave no usable answer for some of them/,
        );
        expect(fiveFindings.find((f) => /Spamhaus ZEN refused/.test(f))).toMatch(
          /^Info Spamhaus ZEN refused to answer for 192\.0\.2\.11 \(127\.255\.255\.254: .*\)\. This is not a listing\./,
        );

        const options = await optionsPage();
        try {
          expect(await options.scope.getByRole('checkbox', { name: 'Check DNS blocklists' }).isChecked()).toBe(true);
        } finally {
          await options.close();
        }
      } finally {
        await view.close();
      }
    });

    it('"Compare resolvers" on one-mx.test: all four agree; then Quad9 refuses and the difference is said', async () => {
      quad9.setDefaultModes([]);
      const view = await resultPage('one-mx.test');
      const page = view.scope;
      try {
        const compare = await openSection(page, 'Compare resolvers');
        await compare.getByRole('button', { name: 'Compare resolvers' }).click();
        const table = compare.getByRole('table', { name: 'Resolver answers' });
        await table.waitFor();
        const rows = await readTable(table);
        expect(rows.map((r) => [r['Resolver'], r['Answer']])).toEqual([
          ['Cloudflare', '10 mx.one-mx.test'],
          ['Google', '10 mx.one-mx.test'],
          ['Quad9', '10 mx.one-mx.test'],
          ['AdGuard', '10 mx.one-mx.test'],
        ]);
        for (const row of rows) {
          expect(Number(row['TTL'])).toBeGreaterThan(0);
          expect(row['ms']).toMatch(/^\d+$/);
        }
        const agree = (await compare.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
        expect(agree).toContainEqual(expect.stringMatching(/^OK Cloudflare, Google, Quad9 and AdGuard all give the same answer for one-mx\.test MX/));
        expect(quad9.log.some((entry) => entry.name === 'one-mx.test' && entry.type === 'MX')).toBe(true);

        quad9.setDefaultModes(['rcode', 'refused']);
        await compare.getByRole('button', { name: 'Compare again' }).click();
        await expect.poll(async () => (await readTable(table)).find((r) => r['Resolver'] === 'Quad9')?.['Answer'] ?? '').not.toBe('10 mx.one-mx.test');
        const after = await readTable(table);
        const quad9Row = after.find((r) => r['Resolver'] === 'Quad9');
        expect(quad9Row?.['Answer']).toMatch(/REFUSED/i);
        expect(after.filter((r) => r['Answer'] === '10 mx.one-mx.test').map((r) => r['Resolver'])).toEqual(['Cloudflare', 'Google', 'AdGuard']);
        const differ = (await compare.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
        expect(differ.some((f) => f.startsWith('OK'))).toBe(false);
        expect(differ.join('\n')).toMatch(/Quad9/);
        await view.screenshot(shot('mail-setup-compare-resolvers'), compare);
      } finally {
        quad9.setDefaultModes([]);
        await view.close();
      }
    });
  });

  describe(`${kind.name}: Mail setup in the in-page panel`, () => {
    it('shows the region, and says to fetch the MTA-STS policy from the popup or tab instead of a button', async () => {
      await driver.goto('http://www.sts.test/');
      const size = await driver.viewport();
      await driver.pickFromContextMenu({ x: size.width / 2, y: size.height - 60 });
      const tab = driver.tab.scope;
      const panel = tab.getByRole('dialog', { name: 'MXray' });
      await panel.getByRole('heading', { level: 2, name: 'sts.test', exact: true }).waitFor();
      await waitForDone(panel);
      await mailSetup(panel).waitFor();
      await expect.poll(async () => (await readSections(panel)).map((s) => s.title)).toEqual(SECTION_TITLES);
      const mtaSts = await settled(panel, 'MTA-STS');
      expect(mtaSts.verdict).toBe('note');
      const group = await openSection(panel, 'MTA-STS');
      expect(await group.getByText('To check the policy file, open this lookup in the MXray popup or tab and fetch it there.').isVisible()).toBe(true);
      expect(await panel.getByRole('button', { name: /Fetch the policy/ }).count()).toBe(0);
      expect(policy.requests).toEqual([]);
      await driver.pressKeys('Escape');
      await tab.locator('mxray-panel').waitFor({ state: 'detached' });
    });
  });

  describe(`${kind.name}: Mail setup by keyboard`, () => {
    it('Tab reaches every section summary in order; Enter and Space open and close', async () => {
      const view = await resultPage('one-mx.test');
      const page = view.scope;
      try {
        await Promise.all(SECTION_TITLES.slice(0, 9).map((title) => settled(page, title)));
        await view.bringToFront();
        await driver.movePointer({ x: 640, y: 880 });
        // Record every focus move, as a screen reader would announce it.
        await view.evaluate(() => {
          const moves: { summary: string | null; visible: boolean }[] = [];
          (window as unknown as { __focus: typeof moves }).__focus = moves;
          document.addEventListener('focusin', (event) => {
            const target = event.target as Element;
            const summary =
              target.tagName === 'SUMMARY' && target.parentElement?.parentElement?.getAttribute('aria-label') === 'Mail setup'
                ? (target.textContent ?? '')
                : null;
            moves.push({ summary, visible: target.matches(':focus-visible') });
          });
        });
        const moves = () => view.evaluate(() => (window as unknown as { __focus: { summary: string | null; visible: boolean }[] }).__focus);
        // Start where a person would click: on the "Mail setup" heading (not focusable itself).
        await mailSetup(page).getByRole('heading', { name: 'Mail setup' }).click();
        // The scorecard's ten lines come first (each a button that opens its section), then the sections.
        await driver.pressKeys(...Array<string>(11).fill('Tab'));
        await expect.poll(async () => (await moves()).at(-1)?.summary ?? null).toMatch(/^Provider/);
        expect((await moves()).slice(0, 10).every((m) => m.summary === null && m.visible)).toBe(true);
        expect((await moves()).at(-1)?.visible).toBe(true);
        const before = (await readSection(page, 'Provider')).open;
        await driver.pressKeys('Return');
        await expect.poll(async () => (await readSection(page, 'Provider')).open).toBe(!before);
        await driver.pressKeys('space');
        await expect.poll(async () => (await readSection(page, 'Provider')).open).toBe(before);

        // On through the region: every section's summary comes up, in the documented order.
        await driver.pressKeys(...Array<string>(50).fill('Tab'));
        const reached = (await moves()).flatMap((m) => (m.summary ? [SECTION_TITLES.find((t) => m.summary!.startsWith(t))!] : []));
        expect([...new Set(reached)]).toEqual(SECTION_TITLES);
        expect((await moves()).every((m) => m.visible)).toBe(true);
      } finally {
        await view.close();
      }
    });
  });

  describe(`${kind.name}: MTA-STS policy fetch (permission prompt)`, () => {
    it('sts.test: before permission, a button and a note, and no request to the policy host', async () => {
      const view = await resultPage('sts.test');
      const page = view.scope;
      try {
        const mtaSts = await settled(page, 'MTA-STS');
        expect(mtaSts).toMatchObject({ verdict: 'note', open: false });
        const group = await openSection(page, 'MTA-STS');
        expect(await sectionFindings(page, 'MTA-STS')).toEqual([
          'Info sts.test announces an MTA-STS policy. Fetch the policy to check it: it lives at https://mta-sts.sts.test/.well-known/mta-sts.txt, which needs your permission to read. RFC 8461 §3.3',
        ]);
        expect(await group.getByText('v=STSv1; id=20261125T000000;').isVisible()).toBe(true);
        expect(await group.getByRole('button', { name: 'Fetch the policy from mta-sts.sts.test' }).isVisible()).toBe(true);
        expect(policy.requests).toEqual([]);
      } finally {
        await view.close();
      }
    });

    it('"Fetch the policy": the browser asks, the person presses Allow, and the policy shows mx2.sts.test not covered', async () => {
      const view = await resultPage('sts.test');
      const page = view.scope;
      try {
        await settled(page, 'MTA-STS');
        const group = await openSection(page, 'MTA-STS');
        await view.bringToFront();
        await driver.movePointer({ x: 640, y: 880 });
        const fetchButton = group.getByRole('button', { name: 'Fetch the policy from mta-sts.sts.test' });
        await fetchButton.evaluate((button: Element) => button.scrollIntoView({ block: 'center' }));
        await new Promise((resolve) => setTimeout(resolve, 200));
        // The prompt is browser UI: the driver finds it as the person does (Chromium: on the
        // screen; Firefox: the doorhanger in the browser window) and presses Allow.
        await driver.allowPermissionPrompt(
          () => fetchButton.click(),
          shot('mail-setup-mta-sts-permission-prompt'),
          () => expect(policy.requests).toEqual([]), // nothing fetched while the person has not answered
        );

        const fetched = await settled(page, 'MTA-STS', /error/);
        // The error: an MX host the policy misses; the warning: a pattern no MX host matches (stale).
        expect(fetched.verdict).toBe('1 error, 1 warning');
        expect(fetched.open).toBe(true);
        expect(policy.requests).toContainEqual({ host: 'mta-sts.sts.test', method: 'GET', path: POLICY_PATH });
        const body = section(page, 'MTA-STS');
        await body.getByText('Policy at https://mta-sts.sts.test/.well-known/mta-sts.txt:').waitFor();
        const text = await textOf(body);
        expect(text).toContain('Mode enforce');
        expect(text).toContain('MX patterns mx1.sts.test, *.backup.sts.test');
        const findings = await sectionFindings(page, 'MTA-STS');
        expect(findings.find((f) => f.startsWith('Error'))).toMatch(
          /^Error mx2\.sts\.test is an MX host of sts\.test but not listed in the MTA-STS policy's mx: lines \(mx1\.sts\.test and \*\.backup\.sts\.test\)\. In enforce mode senders refuse to deliver to it/,
        );
        expect(await body.getByRole('button', { name: /Fetch the policy/ }).count()).toBe(0);
        await view.screenshot(shot('mail-setup-mta-sts-policy'), body);
      } finally {
        await view.close();
      }
    });

    // Found by this suite: max_age 86400 once read "(1 days)".
    it('says how long senders cache the policy in plain words ("1 day")', async () => {
      const view = await resultPage('sts.test');
      const page = view.scope; // the permission is granted now: fetched at once
      try {
        await settled(page, 'MTA-STS', /error/);
        expect(await textOf(section(page, 'MTA-STS'))).toContain('Cached for 86400 s (1 day)');
      } finally {
        await view.close();
      }
    });
  });
}
