/**
 * The quick box: a domain, an email, a URL or an IP, looked up on Enter. Recent lookups are
 * offered through a datalist, which browsers show as a keyboard-navigable list of options.
 */
import { useEffect, useId, useRef } from 'preact/hooks';

export interface QuickBoxProps {
  onLookup: (input: string) => void;
  recent?: readonly string[];
  /** Text to start with (the result page's `?q=`). */
  initial?: string;
  /** Put the cursor in the box at once (a page with nothing to look up). */
  autoFocus?: boolean;
}

export function QuickBox({ onLookup, recent = [], initial = '', autoFocus = false }: QuickBoxProps) {
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const submit = (event: Event) => {
    event.preventDefault();
    const value = input.current?.value.trim() ?? '';
    if (value === '') {
      input.current?.focus();
      return;
    }
    onLookup(value);
  };

  return (
    <form role="search" aria-label="Look up" class="quick-box" onSubmit={submit}>
      <input
        ref={input}
        type="text"
        name="q"
        aria-label="Domain, email, URL or IP"
        placeholder="Domain, email, URL or IP"
        defaultValue={initial}
        list={recent.length > 0 ? listId : undefined}
        autocomplete="off"
        autocapitalize="off"
        spellcheck={false}
        enterkeyhint="search"
      />
      <button type="submit">Look up</button>
      {recent.length > 0 && (
        <datalist id={listId}>
          {recent.map((entry) => (
            <option key={entry} value={entry} />
          ))}
        </datalist>
      )}
    </form>
  );
}
