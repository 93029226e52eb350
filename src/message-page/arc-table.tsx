/** The ARC chain (RFC 8617): its result, and each set: instance, cv=, sealer, seal and signature results, what it vouched for. */
import type { MessageExplanation, ReceiverClaims } from '../core/message/types';
import { DnsText } from '../ui/dns-text';

function claimsWords(claims: ReceiverClaims | null): string {
  if (!claims) return '—';
  const parts = (['dkim', 'spf', 'dmarc'] as const).filter((key) => claims[key] !== null).map((key) => `${key}=${claims[key]}`);
  return parts.length > 0 ? parts.join(', ') : '—';
}

export function ArcTable({ explanation }: { explanation: MessageExplanation }) {
  const { arc } = explanation;
  return (
    <section aria-labelledby="arc-heading">
      <h3 id="arc-heading">ARC</h3>
      <p>
        Chain: <span class={`result result-${arc.chain}`}>{arc.chain}</span>
        {arc.reason && (
          <>
            {'. '}
            <DnsText text={arc.reason} />
          </>
        )}
      </p>
      {arc.sets.length > 0 && (
        <div class="table-box">
          <table aria-label="ARC sets">
            <thead>
              <tr>
                <th scope="col">Instance (i=)</th>
                <th scope="col">cv=</th>
                <th scope="col">Sealer</th>
                <th scope="col">Seal</th>
                <th scope="col">Message signature</th>
                <th scope="col">It vouched for</th>
              </tr>
            </thead>
            <tbody>
              {arc.sets.map((set) => (
                <tr key={set.instance}>
                  <td class="num">{set.instance}</td>
                  <td>{set.cv ? <DnsText text={set.cv} /> : '—'}</td>
                  <td>{set.sealDomain ? <DnsText text={set.sealDomain} /> : '—'}</td>
                  <td class={`result result-${set.sealResult}`}>{set.sealResult}</td>
                  <td class={`result result-${set.signatureResult}`}>{set.signatureResult}</td>
                  <td>
                    <DnsText text={claimsWords(set.claims)} />
                    {set.reason && (
                      <div class="muted">
                        <DnsText text={set.reason} />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
