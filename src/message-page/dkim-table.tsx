/** Every DKIM-Signature as MXray verified it: d=, s=, algorithm, result, the reason in words, whether the body was checked. */
import type { MessageExplanation } from '../core/message/types';
import { DnsText } from '../ui/dns-text';

export function DkimTable({ explanation }: { explanation: MessageExplanation }) {
  if (explanation.dkim.length === 0) return null;
  return (
    <section aria-labelledby="dkim-heading">
      <h3 id="dkim-heading">DKIM signatures</h3>
      <div class="table-box">
        <table aria-label="DKIM signatures">
          <thead>
            <tr>
              <th scope="col">Domain (d=)</th>
              <th scope="col">Selector (s=)</th>
              <th scope="col">Algorithm</th>
              <th scope="col">Result</th>
              <th scope="col">Reason</th>
              <th scope="col">Body checked</th>
            </tr>
          </thead>
          <tbody>
            {explanation.dkim.map((signature, index) => (
              <tr key={index}>
                <td>{signature.domain ? <DnsText text={signature.domain} /> : '—'}</td>
                <td>{signature.selector ? <DnsText text={signature.selector} /> : '—'}</td>
                <td>{signature.algorithm ? <DnsText text={signature.algorithm} /> : '—'}</td>
                <td class={`result result-${signature.result}`}>{signature.result}</td>
                <td>
                  <DnsText text={signature.reason} />
                  {[...(signature.testing ? ['the key is in testing mode (t=y)'] : []), ...signature.warnings].map((warning, i) => (
                    <div class="warning-line" key={i}>
                      <DnsText text={warning} />
                    </div>
                  ))}
                </td>
                <td>{signature.bodyChecked ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
