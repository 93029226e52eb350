/** 1. The one-line verdict, its kind as a coloured badge (a word, not only a colour); the From domain and Subject. */
import type { MessageExplanation } from '../core/message/types';
import { DnsText } from '../ui/dns-text';
import { KIND_WORDS } from './words';

export function VerdictView({ explanation }: { explanation: MessageExplanation }) {
  const kind = explanation.verdictKind;
  return (
    <section class="verdict-section" aria-label="Verdict">
      <p class={`verdict verdict-${kind}`}>
        <span class={`badge badge-${kind}`}>{KIND_WORDS[kind]}</span> <DnsText class="verdict-text" text={explanation.verdict} />
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
