/**
 * Findings in plain language, most severe first (the order `runChecks` gives). Each item starts
 * with its severity as a word, not only a colour, then the message, then the RFC it rests on.
 */
import type { Finding } from '../core/report';
import { severityWord } from './format/cells';
import { DnsText } from './dns-text';

export function FindingsList({ findings, headingLevel = 2 }: { findings: readonly Finding[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="findings" aria-label="Findings">
      <Heading class="section-heading">Findings</Heading>
      {findings.length === 0 ? <p class="muted">None yet.</p> : <FindingItems findings={findings} />}
    </section>
  );
}

/** The findings as list items, also used inside each mail diagnostics section. */
export function FindingItems({ findings }: { findings: readonly Finding[] }) {
  return (
    <ul class="finding-list">
      {findings.map((finding, index) => (
        <li key={`${finding.code}-${finding.subject ?? ''}-${index}`} class={`finding finding-${finding.severity}`}>
          <span class="severity">{severityWord(finding.severity)}</span> <DnsText class="finding-message" text={finding.message} />
          {finding.rfc && (
            <>
              {' '}
              <span class="rfc">{finding.rfc}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
