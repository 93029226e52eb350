/**
 * "Test a sending server": would mail from this IP pass SPF for the domain? The worker runs
 * RFC 7208 check_host() (src/core/mail/spf/check-host); this shows the verdict in sentences a
 * support person can forward, the path that led to it, the explanation of a fail, the counts
 * and the authorized senders. The IP field takes what people paste (brackets, a Received line,
 * IPv4-mapped IPv6). Everything shown is DNS data or typed text: text nodes only.
 */
import { useState } from 'preact/hooks';
import { checkSentence, resultWords } from '../../core/mail/spf/check-host/check-wording';
import type { SpfCheck, SpfCheckPayload } from '../../core/mail/spf/check-host/types';

const PASSING = new Set<SpfCheck['result']>(['pass']);
const WARNING = new Set<SpfCheck['result']>(['softfail', 'neutral', 'none', 'temperror']);

/** `email`: the address the lookup was for, if it was one: the sender to start with. */
export function SpfCheckForm({ domain, email, check }: { domain: string; email?: string | undefined; check: (request: SpfCheckPayload) => Promise<SpfCheck> }) {
  const [fields, setFields] = useState({ ip: '', helo: '', sender: email ?? '' });
  const [state, setState] = useState<{ running?: boolean; result?: SpfCheck; error?: string }>({});
  const field = (name: keyof typeof fields) => (event: Event) => setFields({ ...fields, [name]: (event.target as HTMLInputElement).value });
  const submit = (event: Event) => {
    event.preventDefault();
    if (fields.ip.trim() === '') return setState({ error: 'Give the IP address of the sending server, or paste its Received header line.' });
    setState({ running: true });
    // No sender: the domain being looked at. "<>" is the empty MAIL FROM of a bounce (then the HELO name is checked).
    const sender = fields.sender.trim() === '' ? domain : fields.sender.trim() === '<>' ? '' : fields.sender.trim();
    check({ ip: fields.ip, sender, helo: fields.helo.trim() === '' ? null : fields.helo.trim() }).then(
      (result) => setState({ result }),
      (error: unknown) => setState({ error: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <div class="spf-check">
      <h4 class="spf-check-title">Test a sending server</h4>
      <form class="spf-check-form" onSubmit={submit} aria-label="Test a sending server">
        <label>
          IP address{' '}
          <input
            type="text"
            name="ip"
            value={fields.ip}
            onInput={field('ip')}
            placeholder="203.0.113.5 or a Received line"
            spellcheck={false}
            autocomplete="off"
          />
        </label>
        <label>
          HELO name <span class="muted">(optional)</span>{' '}
          <input type="text" name="helo" value={fields.helo} onInput={field('helo')} placeholder="mail.example.com" spellcheck={false} autocomplete="off" />
        </label>
        <label>
          Sender <span class="muted">(MAIL FROM; optional)</span>{' '}
          <input
            type="text"
            name="sender"
            value={fields.sender}
            onInput={field('sender')}
            placeholder={`postmaster@${domain} (<> for a bounce)`}
            spellcheck={false}
            autocomplete="off"
          />
        </label>
        <button type="submit" class="button" disabled={state.running}>
          {state.running ? 'Checking…' : 'Check SPF'}
        </button>
      </form>
      {state.error && (
        <p role="alert" class="form-error">
          {state.error}
        </p>
      )}
      {state.result && <SpfCheckResult result={state.result} />}
    </div>
  );
}

export function SpfCheckResult({ result }: { result: SpfCheck }) {
  const tone = PASSING.has(result.result) ? 'spf-check-pass' : WARNING.has(result.result) ? 'spf-check-warn' : 'spf-check-fail';
  const authorized = result.authorized;
  return (
    <div class="spf-check-result" data-result={result.result} role="status">
      <p class={`spf-check-verdict ${tone}`}>{resultWords(result.result)}</p>
      <p class="spf-check-sentence">{checkSentence(result)}</p>
      <ol class="spf-check-path" aria-label="Path">
        {result.path.map((step, index) => (
          <li key={index}>
            <code>{step}</code>
          </li>
        ))}
      </ol>
      {result.explanation !== null && (
        <p class="spf-check-explanation">
          Explanation{result.explanationSource === 'exp' ? ` from ${result.domain}` : ' (default)'}: <q>{result.explanation}</q>
        </p>
      )}
      <p class="muted">
        {result.lookups} of {result.lookupLimit} DNS lookups, {result.voidLookups} of {result.voidLimit} void lookups · checked {result.ip} for{' '}
        {result.identity === 'helo' ? `HELO ${result.helo ?? ''}` : result.sender}
      </p>
      {authorized && (authorized.ranges.length > 0 || authorized.names.length > 0) && (
        <details class="spf-check-authorized">
          <summary>
            Authorized senders: {authorized.ranges.length} {authorized.ranges.length === 1 ? 'range' : 'ranges'} ({authorized.total4} IPv4, {authorized.total6}{' '}
            IPv6 addresses)
            {authorized.names.length > 0 ? `, ${authorized.names.length} by name` : ''}
          </summary>
          <ul>
            {authorized.ranges.map((range, index) => (
              <li key={`r${index}`}>
                <code>{range.range}</code>{' '}
                <span class="muted">
                  {range.addresses} addresses, in {range.domain}
                </span>
              </li>
            ))}
            {authorized.names.map((name, index) => (
              <li key={`n${index}`}>
                <code>{name.term}</code> <span class="muted">in {name.domain}: addresses from DNS, cannot be listed</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
