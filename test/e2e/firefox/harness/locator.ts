// A small stand-in for Playwright's Locator over puppeteer-core (WebDriver BiDi), with the same
// method names and meanings, so the Chromium suite's readers (harness/read-report.ts,
// harness/xss.ts) run unchanged on Firefox. Queries run in the page (dom-query.ts); clicks and
// typing are real X input (xdotool) at the element's place on the screen, as a person's are.
//
// Implemented: getByRole, getByText, locator (CSS, or '..' for the parent), filter({ hasText,
// hasNotText, has }), page(), or, first, last, nth; count, evaluate, evaluateAll, textContent,
// allTextContents, innerText, getAttribute, isVisible, isChecked, inputValue, waitFor, click,
// fill, press, check, selectOption({ label }).
// Like Playwright: single-element calls wait for the element (up to the timeout) and fail on
// more than one match ("strict mode").
import type { Locator as PlaywrightLocator, Page as PlaywrightPage } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import { clickAt, pressKey, typeText } from './x-input';
import { runQuery, toMatcher, type QueryOp, type QueryResult, type Step } from './dom-query';

export const ACTION_TIMEOUT_MS = 8_000;

/** Where a locator searches: a realm to run in, and the root node as an expression in it. */
export interface Surface {
  /** The page (tab) whose JavaScript realm runs the queries. */
  realm: Page;
  /** An expression in that realm giving the root node: `document`, or another window's document. */
  root: string;
  /** The X display, for real clicks and key presses. */
  display: string;
  /** For error messages: "the toolbar popup", "the tab". */
  label: string;
}

type RoleOptions = { name?: string | RegExp; exact?: boolean; level?: number; includeHidden?: boolean };
type Fn<T> = (target: T, arg: never, helpers: never) => unknown;

/**
 * Functions travel to the page as source text. esbuild with `keepNames` (tsx does that) wraps
 * named functions in `__name(fn, "name")`, a helper that does not exist in the page: stand in.
 */
export function withNameShim(expression: string): string {
  return `(() => { const __name = (target) => target; return ${expression}; })()`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const RUN_QUERY = runQuery.toString();

export class FxLocator {
  constructor(
    readonly surface: Surface,
    readonly steps: Step[] = [],
  ) {}

  #with(...steps: Step[]): FxLocator {
    return new FxLocator(this.surface, [...this.steps, ...steps]);
  }

  getByRole(role: string, options: RoleOptions = {}): FxLocator {
    const { name, exact, level, includeHidden } = options;
    return this.#with({ kind: 'role', role, ...(name !== undefined ? { name: toMatcher(name) } : {}), exact, level, includeHidden });
  }

  getByText(text: string | RegExp, options: { exact?: boolean } = {}): FxLocator {
    return this.#with({ kind: 'text', text: toMatcher(text), exact: options.exact });
  }

  locator(selector: string): FxLocator {
    return this.#with(selector === '..' ? { kind: 'parent' } : { kind: 'css', selector });
  }

  filter(options: { hasText?: string | RegExp; hasNotText?: string | RegExp; has?: FxLocator }): FxLocator {
    const steps: Step[] = [];
    if (options.has !== undefined) steps.push({ kind: 'has', steps: options.has.steps });
    if (options.hasText !== undefined) steps.push({ kind: 'hasText', text: toMatcher(options.hasText) });
    if (options.hasNotText !== undefined) steps.push({ kind: 'hasText', text: toMatcher(options.hasNotText), not: true });
    return this.#with(...steps);
  }

  /** The whole surface (Playwright's `locator.page()`), e.g. to build a `has` filter's inner locator. */
  page(): FxLocator {
    return new FxLocator(this.surface);
  }

  or(other: FxLocator): FxLocator {
    return new FxLocator(this.surface, [{ kind: 'or', alternatives: [this.steps, other.steps] }]);
  }

  nth(index: number): FxLocator {
    return this.#with({ kind: 'nth', index });
  }

  first(): FxLocator {
    return this.nth(0);
  }

  last(): FxLocator {
    return this.nth(-1);
  }

  async #run(op: QueryOp, fn?: Fn<never>, arg?: unknown): Promise<QueryResult> {
    const call = withNameShim(
      `(${RUN_QUERY})(${this.surface.root}, ${JSON.stringify(this.steps)}, ${JSON.stringify(op)}, ${fn ? fn.toString() : 'undefined'}, ${JSON.stringify(arg ?? null)})`,
    );
    const json = (await this.surface.realm.evaluate(call)) as string;
    const result = JSON.parse(json) as QueryResult;
    if (result.error) throw new Error(`in ${this.surface.label}: ${result.error}`);
    return result;
  }

  #describe(): string {
    return `${this.surface.label}: ${JSON.stringify(this.steps)}`;
  }

  /** Waits for exactly one match and runs `fn` on it. */
  async #one<T>(fn: Fn<never>, arg?: unknown, timeout = ACTION_TIMEOUT_MS): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const result = await this.#run('one', fn, arg);
      if (result.found === 1) return result.value as T;
      if (result.found > 1) throw new Error(`strict mode violation: ${result.found} elements match ${this.#describe()}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${this.#describe()}`);
      await sleep(50);
    }
  }

  async count(): Promise<number> {
    return (await this.#run('count')).found;
  }

  evaluate<R, A = unknown>(fn: (element: never, arg: A) => R, arg?: A): Promise<R> {
    return this.#one<R>(fn as Fn<never>, arg);
  }

  async evaluateAll<R, A = unknown>(fn: (elements: never[], arg: A) => R, arg?: A): Promise<R> {
    return (await this.#run('all', fn as Fn<never>, arg)).value as R;
  }

  textContent(): Promise<string | null> {
    return this.#one((element: Element) => element.textContent);
  }

  innerText(): Promise<string> {
    return this.#one((element: HTMLElement) => element.innerText);
  }

  inputValue(): Promise<string> {
    return this.#one((element: HTMLInputElement) => element.value);
  }

  getAttribute(name: string): Promise<string | null> {
    return this.#one((element: Element, attribute: string) => element.getAttribute(attribute), name);
  }

  async allTextContents(): Promise<string[]> {
    return (await this.evaluateAll((elements: Element[]) => elements.map((element) => element.textContent ?? ''))) ?? [];
  }

  async isVisible(): Promise<boolean> {
    const result = await this.#run('one', ((element: Element, _arg: unknown, helpers: { visible(e: Element): boolean }) =>
      helpers.visible(element)) as Fn<never>);
    return result.found === 1 && result.value === true;
  }

  async waitFor(options: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const { state = 'visible', timeout = ACTION_TIMEOUT_MS } = options;
    const deadline = Date.now() + timeout;
    for (;;) {
      const result = await this.#run('one', ((element: Element, _arg: unknown, helpers: { visible(e: Element): boolean }) =>
        helpers.visible(element)) as Fn<never>);
      if (result.found > 1 && (state === 'attached' || state === 'visible')) {
        throw new Error(`strict mode violation: ${result.found} elements match ${this.#describe()}`);
      }
      const done =
        state === 'attached'
          ? result.found === 1
          : state === 'detached'
            ? result.found === 0
            : state === 'visible'
              ? result.found === 1 && result.value === true
              : result.found === 0 || result.value === false;
      if (done) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${this.#describe()} to be ${state}`);
      await sleep(50);
    }
  }

  /** The element's centre on the X screen (scrolled into view first), in screen pixels. */
  async screenPoint(): Promise<{ x: number; y: number }> {
    await this.waitFor({ state: 'visible' });
    return this.#one((element: Element) => {
      element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const rect = element.getBoundingClientRect();
      const view = element.ownerDocument.defaultView as unknown as { mozInnerScreenX: number; mozInnerScreenY: number };
      return { x: Math.round(view.mozInnerScreenX + rect.left + rect.width / 2), y: Math.round(view.mozInnerScreenY + rect.top + rect.height / 2) };
    });
  }

  /** A real click: the X pointer moves to the element and presses (xdotool). */
  async click(options: { button?: 'left' | 'right' } = {}): Promise<void> {
    const point = await this.screenPoint();
    await clickAt(this.surface.display, point, options.button ?? 'left');
  }

  /** Clicks into the field, selects what is there and types over it, key by key. */
  async fill(text: string): Promise<void> {
    await this.click();
    await pressKey(this.surface.display, 'ctrl+a');
    await typeText(this.surface.display, text);
  }

  isChecked(): Promise<boolean> {
    return this.#one((element: HTMLInputElement) => element.checked);
  }

  /** A real click on a checkbox or radio that is not checked yet; then waits until it is. */
  async check(): Promise<void> {
    if (await this.isChecked()) return;
    await this.click();
    const deadline = Date.now() + ACTION_TIMEOUT_MS;
    while (!(await this.isChecked())) {
      if (Date.now() > deadline) throw new Error(`clicking did not check ${this.#describe()}`);
      await sleep(50);
    }
  }

  /**
   * Picks an option of a `<select>` as a person does with the keyboard: a real click opens
   * Firefox's dropdown, typing the option's label moves to it, Return chooses it.
   */
  async selectOption(option: { label: string }): Promise<void> {
    await this.click();
    await sleep(250);
    await typeText(this.surface.display, option.label);
    await pressKey(this.surface.display, 'Return');
    const deadline = Date.now() + ACTION_TIMEOUT_MS;
    while ((await this.#one((element: HTMLSelectElement) => element.selectedOptions[0]?.label ?? '')) !== option.label) {
      if (Date.now() > deadline) throw new Error(`typing "${option.label}" did not choose it in ${this.#describe()}`);
      await sleep(50);
    }
  }

  /** A real key press in whatever has the focus (Playwright key names: Enter, Escape, ...). */
  async press(key: string): Promise<void> {
    await pressKey(this.surface.display, key);
  }
}

/** The whole surface as a scope (what a Playwright `Page` is to the readers). */
export function scopeOf(surface: Surface): FxLocator {
  return new FxLocator(surface);
}

/**
 * The readers of the Chromium suite are typed for Playwright; this locator answers the part of
 * that interface they use (see the list at the top of this file).
 */
export function asPlaywright(locator: FxLocator): PlaywrightPage & PlaywrightLocator {
  return locator as unknown as PlaywrightPage & PlaywrightLocator;
}
