/**
 * "Try a selector": DKIM selectors cannot be listed from DNS, so a person who knows theirs (from
 * a message's DKIM-Signature `s=` tag) adds it; it is saved and probed on every lookup after.
 */
import { useState } from 'preact/hooks';
import { normaliseSelector } from '../../core/mail/dkim/selectors';
import type { MailActions } from '../actions';

export function DkimSelectorForm({ actions, rerun }: { actions: MailActions; rerun: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: Event) => {
    event.preventDefault();
    const selector = normaliseSelector(text);
    if (!selector) {
      setError(`"${text.trim()}" is not a selector: use letters, digits, hyphens and dots, as in the s= tag of a DKIM-Signature.`);
      return;
    }
    setError(undefined);
    actions.addDkimSelector(selector).then(
      () => {
        setText('');
        rerun();
      },
      (reason: unknown) => setError(`Could not save the selector: ${reason instanceof Error ? reason.message : String(reason)}`),
    );
  };
  return (
    <form class="dkim-form" onSubmit={submit}>
      <label>
        Selector{' '}
        <input
          type="text"
          name="selector"
          value={text}
          onInput={(event) => setText((event.target as HTMLInputElement).value)}
          placeholder="e.g. s2048"
          spellcheck={false}
          autocomplete="off"
        />
      </label>{' '}
      <button type="submit" class="button">
        Try it
      </button>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
