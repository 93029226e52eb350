/**
 * The user's own DKIM selectors (from the `s=` tag of their mail's DKIM-Signature), probed on
 * every lookup beside the common ones. One per line or separated by commas or spaces; anything
 * that cannot be a selector is named, not silently dropped.
 */
import { useState } from 'preact/hooks';
import { MAX_DKIM_SELECTORS, normaliseSelector } from '../shared/settings';

export function DkimSelectorsField({ selectors, onChange }: { selectors: string[]; onChange: (selectors: string[]) => void }) {
  const [text, setText] = useState(selectors.join('\n'));
  const [error, setError] = useState<string | undefined>();
  const commit = () => {
    const items = text.split(/[\s,]+/).filter(Boolean);
    const bad = items.filter((item) => !normaliseSelector(item));
    if (bad.length > 0) {
      setError(`Not a selector: ${bad.join(', ')}. Use letters, digits, hyphens and dots.`);
      return;
    }
    const unique = [...new Set(items.map((item) => normaliseSelector(item)!))];
    if (unique.length > MAX_DKIM_SELECTORS) {
      setError(`At most ${MAX_DKIM_SELECTORS} selectors: each one is one more question per lookup.`);
      return;
    }
    setError(undefined);
    onChange(unique);
  };
  return (
    <div class="field selectors-field">
      <label class="field-label" for="dkim-selectors">
        Extra DKIM selectors
      </label>
      <textarea
        id="dkim-selectors"
        rows={2}
        spellcheck={false}
        aria-describedby="dkim-selectors-detail"
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
        onBlur={commit}
      />
      <p class="hint" id="dkim-selectors-detail">
        Selectors cannot be listed from DNS, so MXray tries common ones. Add yours (the s= tag of a DKIM-Signature), separated by spaces or commas.
      </p>
      {error && (
        <p role="alert" class="problem">
          {error}
        </p>
      )}
    </div>
  );
}
