// Finding elements by role, accessible name and text inside the page, the way Playwright's
// getByRole / getByText do (docs/ui.md: tests find things as a screen reader would), so the
// Chromium suite's report reader (harness/read-report.ts) runs unchanged on Firefox, where
// puppeteer-core has no such locators. Open shadow roots are searched too (the in-page panel).
//
// `runQuery` is sent to the page as source text and runs there (with the test's function as
// source text too, never through eval: extension pages forbid it): it must not reference
// anything outside its own body. What it implements (a reasonable subset of ARIA and accname 1.2):
// - roles: explicit `role`, else the implicit role of the HTML element (table, heading,
//   button, link, textbox/combobox, region for a named section, dialog, listitem, ...);
// - names: aria-labelledby, aria-label, label/caption/legend/alt, then the content for roles
//   named from content (buttons, headings, links, cells), then `title`;
// - hidden: `hidden`, display:none, visibility:hidden, aria-hidden, the body of a closed <details>;
// - text: whitespace-normalised; a string matches case-insensitively as a substring, or exactly
//   with `exact`; the innermost element whose own text matches (Playwright's rule).

export type TextMatcher = string | { regex: string; flags: string };

export type Step =
  | { kind: 'role'; role: string; name?: TextMatcher; exact?: boolean; level?: number; includeHidden?: boolean }
  | { kind: 'text'; text: TextMatcher; exact?: boolean }
  | { kind: 'css'; selector: string }
  | { kind: 'parent' }
  | { kind: 'hasText'; text: TextMatcher; not?: boolean }
  | { kind: 'has'; steps: Step[] }
  | { kind: 'nth'; index: number }
  | { kind: 'or'; alternatives: Step[][] };

/**
 * `count`: how many match. `one`: `fn(element, arg, helpers)` on the only match (`found` says how
 * many there were when not exactly one, and `fn` is not called). `all`: `fn(elements, arg, helpers)`.
 */
export type QueryOp = 'count' | 'one' | 'all';

export type QueryResult = { found: number; value?: unknown; error?: string };

export function toMatcher(value: string | RegExp): TextMatcher {
  return typeof value === 'string' ? value : { regex: value.source, flags: value.flags };
}

/**
 * Runs in the page. `root` is the node to search from (a document, or another window's document
 * reached from an extension page); returns a JSON string of a QueryResult.
 */
export function runQuery(
  root: Node | null | undefined,
  steps: Step[],
  operation: QueryOp,
  fn?: (target: never, arg: unknown, helpers: unknown) => unknown,
  arg?: unknown,
): string {
  if (!root) return JSON.stringify({ found: 0 });
  const ELEMENT = 1;
  const TEXT = 3;
  const isElement = (node: Node | null | undefined): node is Element => !!node && node.nodeType === ELEMENT;

  // Every element under the root in document order, shadow content right after its host.
  const all: Element[] = [];
  const order = new Map<Element, number>();
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (!isElement(child)) continue;
      order.set(child, all.length);
      all.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root);
  const sorted = (elements: Iterable<Element>) => [...new Set(elements)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const childElements = (element: Element): Element[] => {
    const children: Element[] = [];
    const parent: ParentNode = element.shadowRoot ?? element;
    for (let child = parent.firstChild; child; child = child.nextSibling) if (isElement(child)) children.push(child);
    return children;
  };
  const parentOf = (element: Element): Element | null => {
    if (element.parentElement) return element.parentElement;
    const parent = element.parentNode as (Node & { host?: Element }) | null;
    return parent?.host ?? null;
  };

  const descendants = (scope: Node): Element[] => {
    if (scope === root) return all;
    if (!isElement(scope)) return [];
    return all.filter((element) => {
      for (let at = parentOf(element); at; at = parentOf(at)) if (at === scope) return true;
      return false;
    });
  };

  const normalize = (text: string) => text.replace(/[\s\u200b]+/g, ' ').trim();
  const matches = (matcher: TextMatcher, value: string, exact = false): boolean => {
    const text = normalize(value);
    if (typeof matcher !== 'string') return new RegExp(matcher.regex, matcher.flags).test(text);
    const wanted = normalize(matcher);
    return exact ? text === wanted : text.toLowerCase().includes(wanted.toLowerCase());
  };

  const styleOf = (element: Element) => element.ownerDocument.defaultView!.getComputedStyle(element);
  const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head']);
  /** Text as a person reads it: shadow content instead of the host's light children. */
  const textOf = (element: Element): string => {
    if (SKIP_TEXT.has(element.localName)) return '';
    let text = '';
    const parent: ParentNode = element.shadowRoot ?? element;
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT) text += node.nodeValue ?? '';
      else if (isElement(node)) text += textOf(node);
    }
    return text;
  };

  const hiddenForAria = (element: Element): boolean => {
    for (let at: Element | null = element; at; at = parentOf(at)) {
      if (at.getAttribute('aria-hidden') === 'true' || at.hasAttribute('hidden')) return true;
      const style = styleOf(at);
      if (style.display === 'none') return true;
      const parent = parentOf(at);
      // The body of a closed <details> is not rendered: everything but its <summary>.
      if (parent?.localName === 'details' && !parent.hasAttribute('open') && at.localName !== 'summary') return true;
    }
    return styleOf(element).visibility === 'hidden';
  };
  const visible = (element: Element): boolean => {
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && styleOf(element).visibility !== 'hidden';
  };

  const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);
  const implicitRole = (element: Element): string | undefined => {
    const name = element.localName;
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    switch (name) {
      case 'a':
      case 'area':
        return element.hasAttribute('href') ? 'link' : undefined;
      case 'button':
        return 'button';
      case 'input':
        if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
        if (type === 'checkbox') return 'checkbox';
        if (type === 'radio') return 'radio';
        if (type === 'range') return 'slider';
        if (type === 'number') return 'spinbutton';
        if (type === 'hidden') return undefined;
        if (element.hasAttribute('list')) return 'combobox';
        return type === 'search' ? 'searchbox' : 'textbox';
      case 'textarea':
        return 'textbox';
      case 'select':
        return element.hasAttribute('multiple') || Number(element.getAttribute('size')) > 1 ? 'listbox' : 'combobox';
      case 'option':
        return 'option';
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return 'heading';
      case 'table':
        return 'table';
      case 'caption':
        return 'caption';
      case 'thead':
      case 'tbody':
      case 'tfoot':
        return 'rowgroup';
      case 'tr':
        return 'row';
      case 'td':
        return 'cell';
      case 'th': {
        const scope = element.getAttribute('scope');
        return scope === 'row' || scope === 'rowgroup' ? 'rowheader' : 'columnheader';
      }
      case 'ul':
      case 'ol':
      case 'menu':
        return 'list';
      case 'li':
        return 'listitem';
      case 'dialog':
        return 'dialog';
      case 'fieldset':
      case 'details':
      case 'optgroup':
        return 'group';
      case 'nav':
        return 'navigation';
      case 'main':
        return 'main';
      case 'article':
        return 'article';
      case 'aside':
        return 'complementary';
      case 'search':
        return 'search';
      case 'output':
        return 'status';
      case 'hr':
        return 'separator';
      case 'img':
        return element.getAttribute('alt') === '' ? 'presentation' : 'img';
      case 'p':
        return 'paragraph';
      case 'code':
        return 'code';
      case 'section':
        return hasOwnName(element) ? 'region' : undefined;
      case 'form':
        return hasOwnName(element) ? 'form' : undefined;
      case 'header':
      case 'footer': {
        for (let at = parentOf(element); at; at = parentOf(at)) if (SECTIONING.has(at.localName)) return undefined;
        return name === 'header' ? 'banner' : 'contentinfo';
      }
      default:
        return undefined;
    }
  };
  function hasOwnName(element: Element): boolean {
    return !!(element.getAttribute('aria-label')?.trim() || element.getAttribute('aria-labelledby')?.trim() || element.getAttribute('title')?.trim());
  }
  const roleOf = (element: Element): string | undefined => element.getAttribute('role')?.trim().split(/\s+/)[0] || implicitRole(element);

  const NAME_FROM_CONTENT = new Set([
    'button',
    'cell',
    'checkbox',
    'columnheader',
    'gridcell',
    'heading',
    'link',
    'menuitem',
    'menuitemcheckbox',
    'menuitemradio',
    'option',
    'radio',
    'row',
    'rowheader',
    'switch',
    'tab',
    'tooltip',
    'treeitem',
    'caption',
    'code',
  ]);
  const contentName = (element: Element, seen: Set<Element>): string => {
    const parts: string[] = [];
    const parent: ParentNode = element.shadowRoot ?? element;
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT) parts.push(node.nodeValue ?? '');
      else if (isElement(node)) {
        if (SKIP_TEXT.has(node.localName) || hiddenForAria(node)) continue;
        // As Playwright (and accname 1.2): only `display: inline` joins without a space; inline-block and the like are spaced.
        const inline = styleOf(node).display === 'inline';
        const piece = nameOf(node, seen, true);
        parts.push(inline ? piece : ` ${piece} `);
      }
    }
    return parts.join('');
  };
  function nameOf(element: Element, seen = new Set<Element>(), inContent = false): string {
    if (seen.has(element)) return '';
    seen.add(element);
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy && !inContent) {
      const rootNode = element.getRootNode() as Document | ShadowRoot;
      const text = labelledBy
        .split(/\s+/)
        .map((id) => rootNode.getElementById?.(id))
        .filter((target): target is HTMLElement => !!target)
        .map((target) => nameOf(target, seen, true) || textOf(target))
        .join(' ');
      if (normalize(text)) return normalize(text);
    }
    const label = element.getAttribute('aria-label');
    if (label && normalize(label)) return normalize(label);
    const local = element.localName;
    if (local === 'input' || local === 'textarea' || local === 'select') {
      const labels = (element as HTMLInputElement).labels;
      if (labels && labels.length > 0) return normalize([...labels].map((l) => contentName(l, seen)).join(' '));
      const type = (element.getAttribute('type') ?? '').toLowerCase();
      if (['button', 'submit', 'reset'].includes(type)) return normalize((element as HTMLInputElement).value || type);
      if (inContent) return normalize((element as HTMLInputElement).value ?? '');
    }
    if (local === 'img') return normalize(element.getAttribute('alt') ?? element.getAttribute('title') ?? '');
    if (local === 'table') {
      const caption = (element as HTMLTableElement).caption;
      if (caption) return normalize(contentName(caption, seen));
    }
    if (local === 'fieldset') {
      const legend = [...element.children].find((child) => child.localName === 'legend');
      if (legend) return normalize(contentName(legend, seen));
    }
    const role = roleOf(element);
    if (inContent || (role && NAME_FROM_CONTENT.has(role))) {
      const text = normalize(contentName(element, seen));
      if (text) return text;
    }
    return normalize(element.getAttribute('title') ?? '');
  }
  const levelOf = (element: Element): number | undefined => {
    const aria = Number(element.getAttribute('aria-level'));
    if (aria > 0) return aria;
    const match = /^h([1-6])$/.exec(element.localName);
    return match ? Number(match[1]) : undefined;
  };

  const applyStep = (inputs: Node[], step: Step): Element[] => {
    switch (step.kind) {
      case 'role': {
        const out: Element[] = [];
        for (const scope of inputs) {
          for (const element of descendants(scope)) {
            if (roleOf(element) !== step.role) continue;
            if (step.level !== undefined && levelOf(element) !== step.level) continue;
            if (!step.includeHidden && hiddenForAria(element)) continue;
            if (step.name !== undefined && !matches(step.name, nameOf(element), step.exact)) continue;
            out.push(element);
          }
        }
        return sorted(out);
      }
      case 'text': {
        const out: Element[] = [];
        for (const scope of inputs) {
          for (const element of descendants(scope)) {
            if (SKIP_TEXT.has(element.localName) || !matches(step.text, textOf(element), step.exact)) continue;
            // The innermost: no child element matches by itself.
            if (childElements(element).some((child) => matches(step.text, textOf(child), step.exact))) continue;
            out.push(element);
          }
        }
        return sorted(out);
      }
      case 'css': {
        const out: Element[] = [];
        for (const scope of inputs) for (const element of descendants(scope)) if (element.matches(step.selector)) out.push(element);
        return sorted(out);
      }
      case 'parent':
        return sorted(
          inputs
            .filter(isElement)
            .map(parentOf)
            .filter((element): element is Element => !!element),
        );
      case 'hasText':
        return inputs.filter(isElement).filter((element) => matches(step.text, textOf(element)) !== !!step.not);
      case 'has':
        // Playwright's filter({ has }): the inner locator is matched inside each element.
        return inputs.filter(isElement).filter((element) => resolve(step.steps, [element]).length > 0);
      case 'nth': {
        const elements = inputs.filter(isElement);
        const picked = elements[step.index < 0 ? elements.length + step.index : step.index];
        return picked ? [picked] : [];
      }
      case 'or':
        return sorted(step.alternatives.flatMap((alternative) => resolve(alternative, inputs)));
    }
  };
  function resolve(steps: Step[], start: Node[]): Element[] {
    let current: Node[] = start;
    for (const step of steps) current = applyStep(current, step);
    return current.filter(isElement);
  }

  const found = resolve(steps, [root]);
  const helpers = { visible, textOf, nameOf: (element: Element) => nameOf(element), roleOf, normalize };
  try {
    if (operation === 'count' || !fn) return JSON.stringify({ found: found.length });
    const call = fn as (target: unknown, arg: unknown, helpers: unknown) => unknown;
    if (operation === 'all') return JSON.stringify({ found: found.length, value: call(found, arg, helpers) });
    if (found.length !== 1) return JSON.stringify({ found: found.length });
    return JSON.stringify({ found: 1, value: call(found[0], arg, helpers) });
  } catch (error) {
    return JSON.stringify({ found: found.length, error: String((error as Error)?.stack ?? error) });
  }
}
