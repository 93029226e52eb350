// The scorecard at the top of "Mail setup" (issue #23, docs/scorecard.md) and the DANE section
// as a person meets them on the result page (`popup.html?q=...` in a tab): the ten lines with
// their pass / warn / fail / not checked words, a line's button activated by keyboard and by
// click (its section opens, comes into view and takes the focus), the DANE section's rows per MX
// host, and the MTA-STS line before and after the person allows the policy fetch in the
// browser's own permission prompt. Everything is read by role, accessible name and text.
// Written once; scorecard.e2e.test.ts runs it in Chromium, firefox/scorecard.e2e.test.ts in Firefox.
//
// One browser for the file; the tests run in order (the policy permissions, once granted, stay).
// `mta-sts.card.signed.test` and `mta-sts.sts.test` are mapped onto local HTTPS servers serving
// test/zones/mta-sts/card.signed.test.txt (names both MX hosts) and sts.test.txt (misses mx2).
// Screenshots of the scorecard, light and dark, are copied to docs/screenshots/.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator } from 'playwright-core';
import '../../stack/stack-info';
import { SCREENSHOT_DIR } from '../harness/paths';
import { startPolicyServer, POLICY_PATH, type PolicyServer } from '../harness/policy-server';
import { waitForDone } from '../harness/read-report';
import type { Driver, DriverKind, Scope, View } from '../drivers/driver';
import { mailSetup, openSection, readSection, readTable, section, sectionFindings, settled, textOf } from './mail-setup-readers';

/** The ten lines' titles, in the order docs/scorecard.md gives them. */
export const SCORECARD_LINES = ['MX and routing', 'SPF', 'DKIM', 'DMARC', 'DNSSEC', 'DANE', 'MTA-STS', 'TLS-RPT', 'IPv6 on the MX hosts', 'Resilience'];

const DOCS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

export interface ScorecardLine {
  standard: string;
  status: string;
  why: string;
}

export const scorecard = (scope: Scope | Locator) => mailSetup(scope).getByRole('table', { name: 'Scorecard' });

/** The scorecard's rows as a person reads them: the standard (its button), the status word, why. */
export async function readScorecard(scope: Scope | Locator): Promise<ScorecardLine[]> {
  const rows = await readTable(scorecard(scope));
  return rows.map((row) => ({ standard: row['Standard'] ?? '', status: row['Status'] ?? '', why: row['Why'] ?? '' }));
}

/** Waits until every line is out of "Still checking" (the lookup's own not-checked lines), then reads them. */
async function settledScorecard(scope: Scope, until: (lines: ScorecardLine[]) => boolean = () => true): Promise<ScorecardLine[]> {
  await scorecard(scope).waitFor();
  await expect
    .poll(
      async () => {
        const lines = await readScorecard(scope).catch(() => []);
        return lines.length === 10 && !lines.some((line) => /checking/i.test(line.why)) && until(lines);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return readScorecard(scope);
}

const statusOf = (lines: ScorecardLine[]) => Object.fromEntries(lines.map((line) => [line.standard, line.status]));
const lineOf = (lines: ScorecardLine[], standard: string) => lines.find((line) => line.standard === standard)!;

export function scorecardScenarios(kind: DriverKind): void {
  const stack = inject('stack');
  let cardPolicy: PolicyServer;
  let stsPolicy: PolicyServer;
  let driver: Driver;
  const shot = (name: string) => (kind.name === 'firefox' ? `firefox-${name}` : name);

  beforeAll(async () => {
    [cardPolicy, stsPolicy] = await Promise.all([startPolicyServer(stack, 'card.signed.test.txt'), startPolicyServer(stack, 'sts.test.txt')]);
    driver = await kind.launch({
      stack,
      httpsHosts: { 'mta-sts.card.signed.test': cardPolicy.port, 'mta-sts.sts.test': stsPolicy.port },
    });
  });

  afterAll(async () => {
    await driver?.close();
    await Promise.all([cardPolicy?.close(), stsPolicy?.close()]);
  });

  /** The result page for `query` in a new tab, once the lookup is done and the scorecard is drawn. */
  async function resultPage(query: string): Promise<View> {
    const view = await driver.openExtensionPage(`popup.html?q=${encodeURIComponent(query)}`);
    await waitForDone(view.scope);
    await scorecard(view.scope).waitFor();
    return view;
  }

  /**
   * The scorecard in light and dark, saved as `<name>-light.png` / `<name>-dark.png` (Firefox's with
   * a `firefox-` prefix), each copied to docs/screenshots/.
   */
  async function screenshots(view: View, name: string): Promise<void> {
    await view.bringToFront();
    await scorecard(view.scope).evaluate((table: Element) => table.scrollIntoView({ block: 'center' }));
    await driver.movePointer({ x: 1270, y: 850 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await mkdir(DOCS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await view.colorScheme(scheme);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const file = `${shot(name)}-${scheme}`;
      await view.screenshot(file, scorecard(view.scope));
      await copyFile(join(SCREENSHOT_DIR, `${file}.png`), join(DOCS, `${file}.png`));
    }
    await view.colorScheme('light');
  }

  /** "Fetch the policy from mta-sts.<domain>" pressed, the browser's prompt answered with Allow. */
  async function allowPolicy(view: View, domain: string, policy: PolicyServer): Promise<void> {
    const group = await openSection(view.scope, 'MTA-STS');
    await view.bringToFront();
    await driver.movePointer({ x: 640, y: 880 });
    const button = group.getByRole('button', { name: `Fetch the policy from mta-sts.${domain}` });
    await button.evaluate((element: Element) => element.scrollIntoView({ block: 'center' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await driver.allowPermissionPrompt(
      () => button.click(),
      shot(`scorecard-permission-prompt-${domain}`),
      () => expect(policy.requests).toEqual([]),
    );
    await expect.poll(() => policy.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(policy.requests).toContainEqual({ host: `mta-sts.${domain}`, method: 'GET', path: POLICY_PATH });
  }

  /** Whether the section's summary is on screen and has the focus (what the row's button promises). */
  const inViewAndFocused = (group: Locator) =>
    group.evaluate((details: Element) => {
      const summary = details.querySelector(':scope > summary')!;
      const rect = summary.getBoundingClientRect();
      return { open: (details as HTMLDetailsElement).open, inView: rect.top >= 0 && rect.bottom <= innerHeight, focused: document.activeElement === summary };
    });

  describe(`${kind.name}: the scorecard`, () => {
    it('card.signed.test: ten lines; MTA-STS "not checked" until the person allows the policy fetch, then all ten pass', async () => {
      const view = await resultPage('card.signed.test');
      const page = view.scope;
      try {
        // At the top of Mail setup: the table comes before the first section.
        const first = await mailSetup(page).evaluate((region: Element) => {
          const table = [...region.querySelectorAll('table')].find((t) => t.caption?.textContent?.trim() === 'Scorecard');
          const details = region.querySelector(':scope > details');
          return !!table && !!details && !!(table.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        expect(first).toBe(true);
        const before = await settledScorecard(page);
        expect(before.map((line) => line.standard)).toEqual(SCORECARD_LINES);
        for (const line of before) expect(['pass', 'warn', 'fail', 'not checked'], `${line.standard}: ${line.status}`).toContain(line.status);
        expect(lineOf(before, 'MTA-STS').status).toBe('not checked');
        for (const line of before.filter((l) => l.standard !== 'MTA-STS')) expect(line.status, `${line.standard}: ${line.why}`).toBe('pass');
        expect(cardPolicy.requests).toEqual([]);

        await allowPolicy(view, 'card.signed.test', cardPolicy);
        const after = await settledScorecard(page, (lines) => lineOf(lines, 'MTA-STS').status !== 'not checked');
        console.log(`${kind.name}: card.signed.test scorecard:\n${after.map((l) => `  ${l.status.padEnd(11)} ${l.standard}: ${l.why}`).join('\n')}`);
        expect(statusOf(after)).toEqual(Object.fromEntries(SCORECARD_LINES.map((title) => [title, 'pass'])));
        expect(lineOf(after, 'DMARC').why).toBe('p=reject');
        expect(lineOf(after, 'DANE').why).toBe('Valid TLSA for all 2 MX hosts, rollover ready');
        expect(lineOf(after, 'DNSSEC').why).toBe('Domain and MX hosts signed');
        expect(lineOf(after, 'IPv6 on the MX hosts').why).toBe('All 2 MX hosts have an IPv6 address');
        expect((await settled(page, 'MTA-STS')).verdict).not.toMatch(/error|warning/);
        await screenshots(view, 'scorecard-pass');
      } finally {
        await view.close();
      }
    });

    it("a line's button opens its section, scrolls it into view and moves the focus there: by keyboard (Tab, Return) and by click", async () => {
      const view = await resultPage('card.signed.test');
      const page = view.scope;
      try {
        await settledScorecard(page, (lines) => lineOf(lines, 'MTA-STS').status === 'pass');
        // Passing sections start closed.
        expect((await readSection(page, 'TLS reporting')).open).toBe(false);
        expect((await readSection(page, 'DANE')).open).toBe(false);
        await view.bringToFront();
        await driver.movePointer({ x: 1270, y: 850 });
        // Keyboard: from the "Mail setup" heading (where a person clicks; not focusable itself),
        // Tab goes through the lines' buttons in order; the eighth is TLS-RPT; Return activates it.
        await mailSetup(page).getByRole('heading', { name: 'Mail setup' }).click();
        const focused = () => view.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.trim()}`);
        const stops: string[] = [];
        for (const title of SCORECARD_LINES.slice(0, 8)) {
          await driver.pressKeys('Tab');
          await expect.poll(focused).toBe(`BUTTON ${title}`);
          stops.push(await focused());
        }
        expect(stops).toEqual(SCORECARD_LINES.slice(0, 8).map((title) => `BUTTON ${title}`));
        await driver.pressKeys('Return');
        const tlsRpt = section(page, 'TLS reporting');
        await expect.poll(() => inViewAndFocused(tlsRpt), { timeout: 5_000 }).toEqual({ open: true, inView: true, focused: true });

        // Click: back up to the scorecard, the DANE line's button.
        await scorecard(page).evaluate((table: Element) => table.scrollIntoView({ block: 'start' }));
        const dane = section(page, 'DANE');
        await scorecard(page).getByRole('button', { name: 'DANE', exact: true }).click();
        await expect.poll(() => inViewAndFocused(dane), { timeout: 5_000 }).toEqual({ open: true, inView: true, focused: true });
        // The DANE section of card.signed.test: both hosts valid and ready for a key change.
        expect((await readSection(page, 'DANE')).gist).toBe('2 of 2 hosts valid');
        for (const host of ['mx1.card.signed.test', 'mx2.card.signed.test']) {
          const block = dane.getByRole('region', { name: `DANE for ${host}` });
          expect(await textOf(block.getByRole('heading'))).toBe(`${host} DANE valid`);
          expect(await textOf(block)).toContain('Ready for a key change (a second record is published).');
        }
      } finally {
        await view.close();
      }
    });
  });

  describe(`${kind.name}: the DANE section`, () => {
    it('rollover.dane-signed.test: a DANE-EE and a DANE-TA record, both usable, ready for a key change; the line passes', async () => {
      const view = await resultPage('rollover.dane-signed.test');
      const page = view.scope;
      try {
        const lines = await settledScorecard(page);
        expect(lineOf(lines, 'DANE')).toEqual({ standard: 'DANE', status: 'pass', why: 'Valid TLSA for the MX host, rollover ready' });
        await scorecard(page).getByRole('button', { name: 'DANE', exact: true }).click();
        const dane = section(page, 'DANE');
        await expect.poll(async () => (await inViewAndFocused(dane)).open).toBe(true);
        const block = dane.getByRole('region', { name: 'DANE for mx.rollover.dane-signed.test' });
        expect(await textOf(block.getByRole('heading'))).toBe('mx.rollover.dane-signed.test DANE valid');
        const rows = await readTable(block.getByRole('table', { name: 'TLSA records of mx.rollover.dane-signed.test' }));
        expect(rows.map((row) => [row['Record'], row['Meaning'], row['For senders']])).toEqual([
          ['2 1 1', 'DANE-TA, SPKI, SHA2-256', 'usable'],
          ['3 1 1', 'DANE-EE, SPKI, SHA2-256', 'usable'],
        ]);
        expect(rows.map((row) => row['Data'])).toEqual([
          '254218b1642432d83167407cdb69682c4324e751f5b6d371607aeb3a401c2660',
          'e3087dccb0ea5d1b4d6b6d9dde62802b1c883c41e20488cbc2b9a055f5d336c1',
        ]);
        const text = await textOf(dane);
        expect(text).toContain('Ready for a key change (a second record is published).');
        // A browser cannot reach port 25: the commands that can, filled in for the host.
        expect(text).toContain('posttls-finger -t30 -T180 -c -L verbose,summary "[mx.rollover.dane-signed.test]"');
        expect(text).toContain('openssl s_client -starttls smtp -connect mx.rollover.dane-signed.test:25 -dane_tlsa_domain mx.rollover.dane-signed.test');
      } finally {
        await view.close();
      }
    });

    it('dane-unsigned.test: TLSA in an unsigned zone is ignored, "DANE cannot be used until the zone of mx.dane-unsigned.test is signed"; the line fails', async () => {
      const view = await resultPage('dane-unsigned.test');
      const page = view.scope;
      try {
        const lines = await settledScorecard(page);
        console.log(`${kind.name}: dane-unsigned.test scorecard:\n${lines.map((l) => `  ${l.status.padEnd(11)} ${l.standard}: ${l.why}`).join('\n')}`);
        expect(lineOf(lines, 'DANE').status).toBe('fail');
        expect(lineOf(lines, 'DNSSEC').status).toBe('fail');
        const dane = await openSection(page, 'DANE');
        const block = dane.getByRole('region', { name: 'DANE for mx.dane-unsigned.test' });
        expect(await textOf(block.getByRole('heading'))).toBe('mx.dane-unsigned.test TLSA without DNSSEC (ignored)');
        const rows = await readTable(block.getByRole('table', { name: 'TLSA records of mx.dane-unsigned.test' }));
        expect(rows.map((row) => [row['Record'], row['Meaning'], row['For senders']])).toEqual([
          ['3 1 1', 'DANE-EE, SPKI, SHA2-256', 'well formed, but ignored without DNSSEC'],
        ]);
        const findings = await sectionFindings(page, 'DANE');
        expect(findings.join('\n')).toContain('DANE cannot be used until the zone of mx.dane-unsigned.test is signed');
        await screenshots(view, 'scorecard-dane-unsigned');
      } finally {
        await view.close();
      }
    });
  });

  describe(`${kind.name}: the MTA-STS line against the MX`, () => {
    it('sts.test: "not checked" before the policy fetch; once allowed, not a pass, and the section names mx2.sts.test, which the policy misses', async () => {
      const view = await resultPage('sts.test');
      const page = view.scope;
      try {
        const before = await settledScorecard(page);
        expect(lineOf(before, 'MTA-STS').status).toBe('not checked');
        expect(stsPolicy.requests).toEqual([]);

        await allowPolicy(view, 'sts.test', stsPolicy);
        const after = await settledScorecard(page, (lines) => lineOf(lines, 'MTA-STS').status !== 'not checked');
        console.log(`${kind.name}: sts.test scorecard:\n${after.map((l) => `  ${l.status.padEnd(11)} ${l.standard}: ${l.why}`).join('\n')}`);
        const line = lineOf(after, 'MTA-STS');
        expect(line.status).not.toBe('pass');
        expect(line.status).toBe('fail'); // an MX host missing from an enforced policy (docs/scorecard.md)
        expect(line.why).toContain('mx2.sts.test');

        // The line's button opens the section, which names the host.
        await scorecard(page).getByRole('button', { name: 'MTA-STS', exact: true }).click();
        const mtaSts = section(page, 'MTA-STS');
        await expect.poll(() => inViewAndFocused(mtaSts), { timeout: 5_000 }).toEqual({ open: true, inView: true, focused: true });
        const findings = await sectionFindings(page, 'MTA-STS');
        expect(findings.find((f) => f.startsWith('Error'))).toMatch(
          /^Error mx2\.sts\.test is an MX host of sts\.test but not listed in the MTA-STS policy's mx: lines/,
        );
        await screenshots(view, 'scorecard-mta-sts-misses-mx');
      } finally {
        await view.close();
      }
    });
  });
}
