/**
 * A minimal popup: a quick box and the report as it grows. The full UI is issue #4's job.
 * DNS data only ever reaches the page as text nodes (Preact escapes it).
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { Report } from '../core/report';
import { extensionApi } from '../platform/extension-api';
import { LOOKUP_PORT, type LookupMessage, type LookupRequest } from '../shared/messages';

function Popup() {
  const [report, setReport] = useState<Report | undefined>();
  const [error, setError] = useState<string | undefined>();
  const lookup = (input: string) => {
    const port = extensionApi.runtime.connect({ name: LOOKUP_PORT });
    port.onMessage.addListener((message: LookupMessage) => {
      if (message.type === 'invalid') setError(message.error.message);
      else setReport(message.report);
    });
    port.postMessage({ type: 'lookup', input, source: 'typed' } satisfies LookupRequest);
  };
  return (
    <>
      <form onSubmit={(event) => { event.preventDefault(); lookup(new FormData(event.currentTarget).get('q') as string); }}>
        <input name="q" aria-label="Domain, email or IP" placeholder="domain, email or IP" />
        <button type="submit">Look up</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {report && (
        <ol>
          {report.exchanges.map((e) => (
            <li key={e.host}>{e.preference} {e.display} {e.addresses.map((a) => a.ip).join(', ')}</li>
          ))}
        </ol>
      )}
    </>
  );
}

render(<Popup />, document.getElementById('app')!);
