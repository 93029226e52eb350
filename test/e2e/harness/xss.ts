// xss.test's DNS data is HTML (test/zones/README.md): it must reach the screen as text. These
// checks read it as a person does, in the popup, the result page or the panel.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { readMailServers } from './read-report';

const PTR_LABEL = '<img src=x onerror=alert(1)>';

/** The table's PTR, the SPF and DMARC records, and (one click away) the other TXT records. */
export async function expectDnsHtmlShownAsText(scope: Page | Locator): Promise<void> {
  const rows = await readMailServers(scope);
  expect(rows.map((row) => row.ptr)).toEqual([`${PTR_LABEL}.xss.test`]);
  const records = scope.getByRole('region', { name: 'SPF and DMARC' });
  await records.getByText('v=spf1 include:<b>x</b> -all', { exact: true }).waitFor();
  await records.getByText('v=DMARC1; p=none; rua=mailto:<script>alert(1)</script>@xss.test', { exact: true }).waitFor();
  // The mail setup sections show the same records (SPF in its include tree, DMARC with its
  // tags), also as text: no element made from DNS data.
  const setup = scope.getByRole('region', { name: 'Mail setup' });
  await setup.getByText('v=spf1 include:<b>x</b> -all', { exact: true }).first().waitFor({ state: 'attached' });
  expect(await setup.locator('b, script, img').count()).toBe(0);
  await scope.getByText(/^Other TXT records/).click();
  await scope.getByText('<script>alert(1)</script>', { exact: true }).waitFor();
  await scope.getByText(PTR_LABEL, { exact: true }).waitFor();
}
