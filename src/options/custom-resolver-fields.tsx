/** The custom resolver's URL field and its format choice, shown when "Custom" is picked. */
import type { DohFormat } from '../core/doh/providers';

export interface CustomResolverFieldsProps {
  url: string;
  format: DohFormat;
  /** A sentence about the URL or its permission, shown as an alert under the field. */
  problem: string | undefined;
  onUrlInput: (url: string) => void;
  /** The person left the field (or pressed Enter) after changing it: a user gesture. */
  onUrlCommit: (url: string) => void;
  onFormatPick: (format: DohFormat) => void;
}

const FORMATS: readonly { id: DohFormat; name: string; detail: string }[] = [
  { id: 'wire', name: 'Wire format (RFC 8484)', detail: 'application/dns-message; every DoH resolver speaks it' },
  { id: 'json', name: 'JSON', detail: 'application/dns-json, as at Google’s /resolve' },
];

export function CustomResolverFields({ url, format, problem, onUrlInput, onUrlCommit, onFormatPick }: CustomResolverFieldsProps) {
  return (
    <div class="custom-resolver">
      <label class="field-label" for="custom-url">
        Custom resolver URL
      </label>
      <input
        id="custom-url"
        type="url"
        inputMode="url"
        autocomplete="off"
        spellcheck={false}
        placeholder="https://dns.example/dns-query"
        value={url}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? 'custom-url-problem custom-url-hint' : 'custom-url-hint'}
        onInput={(event) => onUrlInput(event.currentTarget.value)}
        onChange={(event) => onUrlCommit(event.currentTarget.value)}
      />
      <p id="custom-url-hint" class="hint">
        An https:// address of a DNS-over-HTTPS resolver. MXray asks your browser for permission to reach it when you press Test or leave the field.
      </p>
      {problem && (
        <p id="custom-url-problem" class="problem" role="alert">
          {problem}
        </p>
      )}
      <fieldset class="choices compact" role="radiogroup" aria-labelledby="format-legend">
        <legend id="format-legend">Format</legend>
        {FORMATS.map((choice) => (
          <div class="choice" key={choice.id}>
            <input
              type="radio"
              name="custom-format"
              id={`format-${choice.id}`}
              value={choice.id}
              checked={format === choice.id}
              aria-describedby={`format-${choice.id}-detail`}
              onChange={() => onFormatPick(choice.id)}
            />
            <label for={`format-${choice.id}`}>{choice.name}</label>
            <span class="detail" id={`format-${choice.id}-detail`}>
              {choice.detail}
            </span>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
