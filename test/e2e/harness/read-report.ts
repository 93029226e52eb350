// Reads a report the way a person (or a screen reader) does: by the roles and accessible names
// of docs/ui.md, never by CSS class. Works on the popup, the result page and the in-page panel
// (Playwright's role locators pierce the panel's open shadow root).
import type { Locator, Page } from 'playwright-core';

type Scope = Page | Locator;

export const mailServerTable = (scope: Scope) => scope.getByRole('table', { name: 'Mail servers' });
export const statusLine = (scope: Scope) => scope.getByRole('status');
export const findingsSection = (scope: Scope) => scope.getByRole('region', { name: 'Findings' });
export const mailRecordsSection = (scope: Scope) => scope.getByRole('region', { name: 'SPF and DMARC' });
export const quickBox = (scope: Scope) => scope.getByRole('search', { name: 'Look up' });
/** A textbox, or a combobox once recent lookups are offered (an input with a datalist). */
export const quickBoxInput = (scope: Scope) => {
  const name = 'Domain, email, URL or IP';
  return quickBox(scope).getByRole('textbox', { name }).or(quickBox(scope).getByRole('combobox', { name }));
};
export const domainSwitch = (scope: Scope) => scope.getByRole('group', { name: 'Domain' });

/** One visible row of the mail server table, cells by their column header. */
export interface MailServerRow {
  /** The group's preference (rows of a group share one rowgroup header cell). */
  preference: number;
  /** The group says "load balanced" (equal preferences, RFC 5321 §5.1). */
  loadBalanced: boolean;
  /** The text of each cell, text nodes joined by one space, keyed by column header. */
  cells: Record<string, string>;
  server: string;
  /** The whole cell, e.g. "192.0.2.11 documentation" (the address and its range tag). */
  address: string;
  /** The address alone (the cell's first word). */
  ip: string;
  ptr: string;
  fcrdns: string;
  ttl: string;
}

/**
 * The table as rows, resolving row and column spans the way a screen reader's table navigation
 * does: every row gets the preference and mail server cells that span down to it.
 */
export async function readMailServers(scope: Scope): Promise<MailServerRow[]> {
  const rows = await mailServerTable(scope).evaluate((table: HTMLTableElement) => {
    const textOf = (cell: Element) => {
      const parts: string[] = [];
      const walker = cell.ownerDocument.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        if (text) parts.push(text);
      }
      return parts.join(' ');
    };
    const headerRow = table.tHead?.rows[0];
    const headers = headerRow ? [...headerRow.cells].map(textOf) : [];
    const result: { group: number; groupText: string; cells: Record<string, string> }[] = [];
    [...table.tBodies].forEach((body, group) => {
      const grid: (string | undefined)[][] = [];
      [...body.rows].forEach((row, r) => {
        grid[r] ??= [];
        let c = 0;
        for (const cell of row.cells) {
          while (grid[r]![c] !== undefined) c++;
          for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
            for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) {
              (grid[r + dr] ??= [])[c + dc] = textOf(cell);
            }
          }
          c += Math.max(1, cell.colSpan);
        }
      });
      for (const cells of grid.slice(0, body.rows.length)) {
        result.push({ group, groupText: textOf(body), cells: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])) });
      }
    });
    return result;
  });
  return rows.map(({ cells, groupText }) => ({
    preference: Number.parseInt(cells['Preference'] ?? '', 10),
    loadBalanced: groupText.includes('load balanced'),
    cells,
    server: cells['Mail server'] ?? '',
    address: cells['Address'] ?? '',
    ip: (cells['Address'] ?? '').split(' ')[0] ?? '',
    ptr: cells['Reverse DNS (PTR)'] ?? '',
    fcrdns: cells['FCrDNS'] ?? '',
    ttl: cells['TTL'] ?? '',
  }));
}

/** The findings, each as its text ("Warning Only one mail server … RFC 5321 §5.1"). */
export async function readFindings(scope: Scope): Promise<string[]> {
  return (await findingsSection(scope).getByRole('listitem').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Waits until the status line says the lookup is done (the final report). */
export async function waitForDone(scope: Scope, timeout = 10_000): Promise<string> {
  const status = statusLine(scope).filter({ hasText: /^Done/ });
  await status.waitFor({ timeout });
  return (await status.textContent()) ?? '';
}

/** The footer's lines: "via Cloudflare · 42 ms · …", then fallback sentences. */
export async function readFooter(scope: Scope): Promise<string> {
  const footer = scope.getByText(/^via /).locator('..');
  return ((await footer.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
