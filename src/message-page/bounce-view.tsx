/** 4. The bounce: its status in plain words, the remote server, the diagnostic line, what to check, and the lookups that check it. */
import type { BounceExplanation } from '../core/message/types';
import { DnsText } from '../ui/dns-text';
import { LookupLinkList } from './lookup-links';

export function BounceView({ bounce, reportUrl }: { bounce: BounceExplanation; reportUrl: (query: string) => string }) {
  const code = [bounce.smtpCode, bounce.status].filter((part) => part !== null).join(' ');
  return (
    <section class="bounce" aria-labelledby="bounce-heading">
      <h2 id="bounce-heading">Bounce</h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          {code && <strong class="mono">{code}</strong>} <DnsText text={bounce.explanation} />
        </dd>
        {bounce.action && (
          <>
            <dt>Action</dt>
            <dd>
              <DnsText text={bounce.action} />
            </dd>
          </>
        )}
        {bounce.recipient && (
          <>
            <dt>Recipient</dt>
            <dd>
              <DnsText text={bounce.recipient} />
            </dd>
          </>
        )}
        <dt>Remote server</dt>
        <dd>{bounce.remoteMta ? <DnsText text={bounce.remoteMta} /> : <span class="muted">not named</span>}</dd>
        <dt>Diagnostic</dt>
        <dd>{bounce.diagnostic ? <DnsText class="mono diagnostic" text={bounce.diagnostic} /> : <span class="muted">none given</span>}</dd>
      </dl>
      {bounce.advice.length > 0 && (
        <>
          <h3>What to check</h3>
          <ul class="advice">
            {bounce.advice.map((sentence, index) => (
              <li key={index}>
                <DnsText text={sentence} />
              </li>
            ))}
          </ul>
        </>
      )}
      {bounce.links.length > 0 && <LookupLinkList links={bounce.links} reportUrl={reportUrl} label="Lookups for this bounce" />}
    </section>
  );
}
