/**
 * "Copy" opens a menu: Copy as text, Copy as dig, Copy as JSON (WAI-ARIA menu button pattern:
 * arrows move, Esc closes and returns to the button, Tab or a click elsewhere closes). The
 * text is built when an item is chosen, from the report shown at that moment.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Report } from '../core/report';
import type { ReportActions } from './actions';
import type { CopyFormat } from './format/copy-formats';

const ITEMS: readonly { label: string; done: string; format: CopyFormat }[] = [
  { label: 'Copy as text', done: 'Copied as text', format: 'text' },
  { label: 'Copy as dig', done: 'Copied as dig', format: 'dig' },
  { label: 'Copy as JSON', done: 'Copied as JSON', format: 'json' },
];

export function CopyMenu({ report, actions }: { report: Report; actions: ReportActions }) {
  const [open, setOpen] = useState(false);
  const [feedback, setFeedback] = useState('');
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const container = useRef<HTMLDivElement>(null);

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  const focusItem = (index: number) => {
    const all = items();
    all[(index + all.length) % all.length]?.focus();
  };
  useEffect(() => {
    if (!open) return;
    focusItem(0);
    // A click anywhere else closes the menu. Listen on the root node: inside the panel's shadow
    // root, the document only sees clicks retargeted to the host element.
    const root = container.current?.getRootNode() as Document | ShadowRoot | undefined;
    const onPointer = (event: Event) => {
      if (container.current && !event.composedPath().includes(container.current)) setOpen(false);
    };
    root?.addEventListener('pointerdown', onPointer);
    return () => root?.removeEventListener('pointerdown', onPointer);
  }, [open]);

  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(''), 4000);
    return () => clearTimeout(timer);
  }, [feedback]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const choose = async (item: (typeof ITEMS)[number]) => {
    close(true);
    try {
      // Loaded on use: a separate chunk where the build splits code (a click's user activation
      // outlasts it, so the clipboard still accepts the write).
      const { COPY_FORMATS } = await import('./format/copy-formats');
      await actions.copy(COPY_FORMATS[item.format](report));
      setFeedback(item.done);
    } catch (error) {
      setFeedback(`Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const index = items().indexOf(event.target as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: -1 };
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key]!);
    } else if (event.key === 'Escape') {
      // Only the menu closes; the panel around it stays open.
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
    }
  };

  return (
    <div
      ref={container}
      class="copy-menu"
      onFocusOut={(event) => {
        const next = event.relatedTarget as Node | null;
        if (open && next && !event.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        class="button-secondary"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
        onKeyDown={onButtonKey}
      >
        Copy
        <span aria-hidden="true" class="caret" />
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label="Copy" class="menu" onKeyDown={onMenuKey}>
          {ITEMS.map((item) => (
            <button key={item.label} type="button" role="menuitem" tabIndex={-1} onClick={() => void choose(item)}>
              {item.label}
            </button>
          ))}
        </div>
      )}
      <span class="copy-feedback" aria-live="polite">
        {feedback}
      </span>
    </div>
  );
}
