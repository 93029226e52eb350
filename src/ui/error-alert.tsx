/** An error a person can act on: what happened, then what to try. Announced at once (role=alert). */
import type { AlertText } from './format/alert-text';
import { DnsText } from './dns-text';

export function ErrorAlert({ alert }: { alert: AlertText }) {
  return (
    <div role="alert" class="error-alert">
      <p class="error-what">
        <DnsText text={alert.what} />
      </p>
      <p class="error-try">{alert.tryNext}</p>
    </div>
  );
}
