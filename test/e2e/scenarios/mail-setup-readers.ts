// Reading the "Mail setup" region (docs/ui.md "Mail setup") by role, accessible name and text,
// never by CSS class: the section summaries, their findings and tables. Works on Playwright's
// pages and locators (Chromium) and on harness/locator.ts's stand-in (Firefox).
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The order docs/ui.md gives the sections' titles. */
export const SECTION_TITLES = ['Provider', 'SPF', 'DMARC', 'DKIM', 'MTA-STS', 'DANE', 'TLS reporting', 'BIMI', 'DNSSEC', 'Blocklists', 'Compare resolvers'];

export const mailSetup = (scope: Page | Locator) => scope.getByRole('region', { name: 'Mail setup' });
/**
 * A section: a `details` (role group, which gets no accessible name from its summary) whose
 * summary holds the title as its own text. Nested `details` (the SPF tree, a DKIM record) have
 * other summaries.
 */
export const section = (scope: Page | Locator, title: string) =>
  mailSetup(scope)
    .getByRole('group')
    .filter({ has: pageOf(scope).locator('summary').getByText(title, { exact: true }) });
/** The page itself: a `has` filter's inner locator is matched inside the outer one, so it must start from the page. */
export const pageOf = (scope: Page | Locator): Page => ('page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page));

export interface SectionSummary {
  title: string;
  /** The words between title and verdict (`13 of 10 lookups`, `p=reject`), '' when none. */
  gist: string;
  verdict: string;
  open: boolean;
}

/** Every section's summary line, in page order: its text nodes are title, [gist], verdict. */
export async function readSections(scope: Page | Locator): Promise<SectionSummary[]> {
  return mailSetup(scope).evaluate((region) =>
    [...region.querySelectorAll(':scope > details')].map((details) => {
      const summary = details.querySelector(':scope > summary');
      const parts: string[] = [];
      const walker = document.createTreeWalker(summary ?? details, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        if (text) parts.push(text);
      }
      return {
        title: parts[0] ?? '',
        gist: parts.length > 2 ? parts.slice(1, -1).join(' ') : '',
        verdict: parts.length > 1 ? parts.at(-1)! : '',
        open: (details as HTMLDetailsElement).open,
      };
    }),
  );
}

export async function readSection(scope: Page | Locator, title: string): Promise<SectionSummary> {
  const found = (await readSections(scope)).find((s) => s.title === title);
  if (!found) throw new Error(`no "${title}" section in Mail setup`);
  return found;
}

/** Waits until the section's verdict is no longer `checking…`, and returns its summary. */
export async function settled(scope: Page | Locator, title: string, verdict: RegExp = /^(?!checking)/): Promise<SectionSummary> {
  await expect.poll(async () => (await readSection(scope, title).catch(() => undefined))?.verdict ?? 'absent', { timeout: 8_000 }).toMatch(verdict);
  return readSection(scope, title);
}

/** The section's findings as text ("Error The SPF record … RFC 7208 §4.6.4"): list items that start with a severity word. */
export async function sectionFindings(scope: Page | Locator, title: string): Promise<string[]> {
  const items = (await section(scope, title).getByRole('listitem').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
  return items.filter((text) => /^(Error|Warning|Info|OK) /.test(text));
}

/** Opens a section the way a person does (a click on its summary), unless it already is. */
export async function openSection(scope: Page | Locator, title: string): Promise<Locator> {
  const group = section(scope, title);
  if (!(await readSection(scope, title)).open) {
    await group.locator('summary').first().click();
    await expect.poll(async () => (await readSection(scope, title)).open).toBe(true);
  }
  return group;
}

/** What a screen reader reads out: the text nodes in order, joined by one space. */
export async function textOf(element: Locator): Promise<string> {
  return element.evaluate((root) => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (text) parts.push(text);
    }
    return parts.join(' ');
  });
}

/** A table as rows of cells keyed by column header (text nodes joined by one space). */
export async function readTable(table: Locator): Promise<Record<string, string>[]> {
  return table.evaluate((element: HTMLTableElement) => {
    const textOf = (cell: Element) => {
      const parts: string[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        if (text) parts.push(text);
      }
      return parts.join(' ');
    };
    const headers = [...(element.tHead?.rows[0]?.cells ?? [])].map(textOf);
    return [...element.tBodies].flatMap((body) =>
      [...body.rows].map((row) => Object.fromEntries([...row.cells].map((cell, i) => [headers[i] ?? String(i), textOf(cell)]))),
    );
  });
}
