/**
 * "Compare resolvers": on demand (it asks every resolver, so not on every lookup), the MX
 * answer of each resolver side by side, with what the differences mean.
 */
import { useState } from 'preact/hooks';
import { comparisonFindings } from '../../core/compare/comparison-findings';
import { rowAnswerText, type ResolverComparison } from '../../core/compare/comparison';
import type { MailActions } from '../actions';
import { FindingItems } from '../findings-list';
import { DnsText } from '../dns-text';

export function CompareSection({ input, actions }: { input: string; actions: MailActions }) {
  const [state, setState] = useState<{ running?: boolean; comparison?: ResolverComparison; error?: string }>({});
  const run = () => {
    setState({ running: true });
    actions.compareResolvers(input).then(
      (comparison) => setState({ comparison }),
      (error: unknown) => setState({ error: error instanceof Error ? error.message : String(error) }),
    );
  };
  const { comparison } = state;
  return (
    <div class="compare">
      <p class="muted">Ask every resolver the MX question at once, each on its own, to see whether a change has reached them all.</p>
      <button type="button" class="button" onClick={run} disabled={state.running}>
        {state.running ? 'Asking every resolver…' : comparison ? 'Compare again' : 'Compare resolvers'}
      </button>
      {state.error && (
        <p role="alert" class="compare-error">
          {state.error}
        </p>
      )}
      {comparison && (
        <>
          <FindingItems findings={comparisonFindings(comparison)} />
          <table class="compare-table" aria-label="Resolver answers">
            <thead>
              <tr>
                <th scope="col">Resolver</th>
                <th scope="col">Answer</th>
                <th scope="col">TTL</th>
                <th scope="col">ms</th>
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((row) => (
                <tr key={row.resolver} data-resolver={row.resolver}>
                  <th scope="row">{row.resolverName}</th>
                  <td>
                    {row.values.map((value, index) => (
                      <div key={index}>
                        <code>
                          <DnsText text={value} />
                        </code>
                      </div>
                    ))}
                    {row.status !== 'ok' && <span class="muted">{rowAnswerText(row)}</span>}
                  </td>
                  <td>{row.ttl ?? ''}</td>
                  <td>{row.elapsedMs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
