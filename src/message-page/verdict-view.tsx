/** 1. The one-line verdict, its kind as a coloured badge (a word, not only a colour); the From domain and Subject. */
import type { MessageExplanation } from '../core/message/types';
import { DnsText } from '../ui/dns-text';
import { KIND_WORDS } from './words';

/** The verdict without its leading kind word when the badge already says it ("Bounced: 5.7.26, …" → "5.7.26, …"). */
export function verdictAfterBadge(verdict: string, badge: string): string {
  return verdict.toLowerCase().startsWith(`${badge.toLowerCase()}: `) ? verdict.slice(badge.length + 2) : verdict;
}

export function VerdictView({ explanation }: { explanation: MessageExplanation }) {
  const kind = explanation.verdictKind;
  return (
    <section class="verdict-section" aria-label="Verdict">
      <p class={`verdict verdict-${kind}`}>
        <span class={`badge badge-${kind}`}>{KIND_WORDS[kind]}</span>{' '}
        <DnsText class="verdict-text" text={verdictAfterBadge(explanation.verdict, KIND_WORDS[kind])} />
      </p>
      <dl class="facts">
        <dt>From domain</dt>
        <dd>{explanation.from ? <DnsText text={explanation.from} /> : <span class="muted">none readable</span>}</dd>
        {explanation.subject !== null && (
          <>
            <dt>Subject</dt>
            <dd>
              <DnsText class="subject" text={explanation.subject} />
            </dd>
          </>
        )}
        <dt>Size</dt>
        <dd>
          {explanation.size.toLocaleString()} bytes{explanation.bodyGiven ? '' : ', header only: the body could not be checked'}
        </dd>
      </dl>
    </section>
  );
}
