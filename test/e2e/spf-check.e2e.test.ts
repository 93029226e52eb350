// "Test a sending server" (issue #15) as a person uses it on the result page (`popup.html?q=...`
// in a tab): open the SPF section, paste an address, press "Check SPF", read the verdict, the
// path and the explanation. The worker runs check_host() against the loopback DNS stack (the
// shipped resolver hosts are mapped onto dnsdist). Read by role, name and text, never by class.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import '../stack/stack-info';
import { launchExtensionBrowser, openExtensionPage, type ExtensionBrowser } from './harness/browser';
import { waitForDone } from './harness/read-report';
import { saveScreenshot } from './harness/screenshots';
import { startSiteServer, type SiteServer } from './harness/site-server';

const stack = inject('stack');
let site: SiteServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  site = await startSiteServer();
  browser = await launchExtensionBrowser({ stack, sitePort: site.port, person: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The result page for `domain`, with the SPF section opened by a click on its summary. */
async function spfSection(domain: string): Promise<Page> {
  const page = await openExtensionPage(browser, `popup.html?q=${encodeURIComponent(domain)}`);
  await waitForDone(page);
  const form = page.getByRole('form', { name: 'Test a sending server' });
  const summary = page.getByRole('region', { name: 'Mail setup' }).locator('summary').filter({ hasText: /^SPF/ }).first();
  await summary.waitFor();
  if (!(await form.isVisible())) await summary.click();
  await form.waitFor();
  return page;
}

async function check(page: Page, fields: { ip: string; sender?: string; helo?: string }) {
  const form = page.getByRole('form', { name: 'Test a sending server' });
  await form.getByRole('textbox', { name: /^IP address/ }).fill(fields.ip);
  await form.getByRole('textbox', { name: /^HELO name/ }).fill(fields.helo ?? '');
  await form.getByRole('textbox', { name: /^Sender/ }).fill(fields.sender ?? '');
  await form.getByRole('button', { name: 'Check SPF' }).click();
  const result = page.getByRole('status').filter({ has: page.getByRole('list', { name: 'Path' }) });
  await result.waitFor();
  return {
    verdict: (await result.locator('p').first().textContent())?.trim(),
    text: (await result.textContent())?.replace(/\s+/g, ' ').trim() ?? '',
    path: (await result.getByRole('list', { name: 'Path' }).getByRole('listitem').allTextContents()).map((t) => t.trim()),
  };
}

describe('Test a sending server', () => {
  it('an address pasted from a Received line may send through an include, said in plain words', async () => {
    const page = await spfSection('incl.spf-check.test');
    try {
      const shown = await check(page, { ip: 'from out.example.net (out.example.net [203.0.113.5]) by mx.test' });
      expect(shown.verdict).toBe('Pass: authorized');
      expect(shown.text).toContain(
        '203.0.113.5 may send mail for incl.spf-check.test: it matches ip4:203.0.113.0/24 in _spf.incl.spf-check.test, included by incl.spf-check.test.',
      );
      expect(shown.path).toEqual(['incl.spf-check.test', 'include:_spf.incl.spf-check.test', 'ip4:203.0.113.0/24 matched']);
      await saveScreenshot(page.getByRole('form', { name: 'Test a sending server' }).locator('..'), 'spf-check-pass');
    } finally {
      await page.close();
    }
  });

  it("a fail shows the domain's explanation; an IPv4-mapped address is checked as IPv4", async () => {
    const page = await spfSection('exp.spf-check.test');
    try {
      const shown = await check(page, { ip: '::ffff:192.0.2.99', sender: 'Bob.Smith@exp.spf-check.test' });
      expect(shown.verdict).toBe('Fail: not authorized');
      expect(shown.text).toContain(
        "192.0.2.99 is not one of exp.spf-check.test's mail servers; see https://exp.spf-check.test/spf?s=Bob.Smith%40exp.spf-check.test",
      );
      expect(shown.path).toEqual(['exp.spf-check.test', '-all matched']);
      await saveScreenshot(page.getByRole('form', { name: 'Test a sending server' }).locator('..'), 'spf-check-fail');
      // Bad input is a sentence in an alert, and the page keeps working.
      await page.getByRole('textbox', { name: /^IP address/ }).fill('mail.example.net');
      await page.getByRole('button', { name: 'Check SPF' }).click();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'No IP address found' }).count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('permerror at the 11th lookup names the term', async () => {
    const page = await spfSection('spf-too-many.test');
    try {
      const shown = await check(page, { ip: '203.0.113.99' });
      expect(shown.verdict).toBe('Permerror: the record is broken');
      expect(shown.text).toContain('"include:_s4.spf-too-many.test" in the record of _s3.spf-too-many.test: it is DNS-querying term number 11');
    } finally {
      await page.close();
    }
  });
});
