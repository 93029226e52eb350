/**
 * 3. Authentication: what MXray verified (DKIM, SPF, DMARC, ARC) beside what the receiver said
 * (Authentication-Results, ARC-Authentication-Results, Received-SPF); a disagreement stands out,
 * and the findings say what it means. Then each check's details.
 */
import type { MessageExplanation } from '../core/message/types';
import { DnsText } from '../ui/dns-text';
import { FindingItems } from '../ui/findings-list';
import { ArcTable } from './arc-table';
import { DkimTable } from './dkim-table';

type Row = { check: string; verified: string; word: string | null; said: string | null };

/** The result word a check comes to, for comparing with the receiver's. */
function dkimWord(explanation: MessageExplanation): string | null {
  const { dkim } = explanation;
  if (dkim.length === 0) return 'none';
  return dkim.some((signature) => signature.result === 'pass') ? 'pass' : dkim[0]!.result;
}

function rows(explanation: MessageExplanation): Row[] {
  const { dkim, spf, dmarc, arc, receiverSaid } = explanation;
  return [
    {
      check: 'DKIM',
      verified: dkim.length === 0 ? 'none: no DKIM-Signature' : dkim.map((s) => `${s.result} (d=${s.domain ?? '?'})`).join(', '),
      word: dkimWord(explanation),
      said: receiverSaid.dkim,
    },
    {
      check: 'SPF',
      verified: spf
        ? `${spf.result} (${spf.ip} for ${spf.domain || 'the empty sender'})`
        : `not checked: ${explanation.spfMissing ?? 'no connecting address found'}`,
      word: spf?.result ?? null,
      said: receiverSaid.spf,
    },
    {
      check: 'DMARC',
      verified: `${dmarc.result}${dmarc.policy ? ` (policy ${dmarc.policy}, ${dmarc.policyTag}=)` : ''}${dmarc.domain ? ` for ${dmarc.domain}` : ''}`,
      word: dmarc.result,
      said: receiverSaid.dmarc,
    },
    {
      check: 'ARC',
      verified: `${arc.chain}${arc.sets.length > 0 ? ` (${arc.sets.length} ${arc.sets.length === 1 ? 'set' : 'sets'})` : ''}`,
      word: null,
      said: null,
    },
  ];
}

/** The receiver's first word (`pass`, `fail`...) differs from MXray's. */
function disagrees(row: Row): boolean {
  if (row.word === null || row.said === null) return false;
  const said = row.said.trim().split(/[\s(]/)[0]!.toLowerCase();
  return said !== '' && said !== row.word;
}

export function AuthView({ explanation }: { explanation: MessageExplanation }) {
  const said = explanation.receiverSaid;
  return (
    <section class="auth" aria-labelledby="auth-heading">
      <h2 id="auth-heading">Authentication</h2>
      <div class="table-box">
        <table aria-label="Authentication">
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Verified by MXray</th>
              <th scope="col">The receiver said</th>
            </tr>
          </thead>
          <tbody>
            {rows(explanation).map((row) => (
              <tr key={row.check} class={disagrees(row) ? 'disagree' : undefined}>
                <th scope="row">{row.check}</th>
                <td>
                  <DnsText text={row.verified} />
                </td>
                <td>
                  {row.said === null ? <span class="muted">—</span> : <DnsText text={row.said} />}
                  {disagrees(row) && <strong class="disagree-word"> disagrees</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted source">
        {said.source ? (
          <>
            The receiver’s words come from <DnsText text={said.source} />
            {said.authservId && (
              <>
                {' '}
                (by <DnsText text={said.authservId} />)
              </>
            )}
            .
          </>
        ) : (
          'The message holds no Authentication-Results or Received-SPF of a receiver.'
        )}
      </p>
      {explanation.findings.length > 0 && (
        <section class="findings" aria-label="Findings">
          <h3>Findings</h3>
          <FindingItems findings={explanation.findings} />
        </section>
      )}
      <DkimTable explanation={explanation} />
      <SpfDetails explanation={explanation} />
      <DmarcDetails explanation={explanation} />
      <ArcTable explanation={explanation} />
    </section>
  );
}

function SpfDetails({ explanation }: { explanation: MessageExplanation }) {
  const { spf } = explanation;
  return (
    <section aria-labelledby="spf-heading">
      <h3 id="spf-heading">SPF</h3>
      {spf ? (
        <dl class="facts">
          <dt>Connecting IP</dt>
          <dd>
            <DnsText class="mono" text={spf.ip} /> <span class="muted">from </span>
            <DnsText text={spf.ipSource} />
          </dd>
          <dt>MAIL FROM</dt>
          <dd>{spf.mailFrom === '' ? <span class="muted">empty (a bounce): the HELO name is checked</span> : <DnsText text={spf.mailFrom} />}</dd>
          <dt>HELO</dt>
          <dd>{spf.helo ? <DnsText text={spf.helo} /> : <span class="muted">—</span>}</dd>
          <dt>Result</dt>
          <dd>
            <span class={`result result-${spf.result}`}>{spf.result}</span>: <DnsText text={spf.sentence} />
          </dd>
        </dl>
      ) : (
        <p>
          Not checked: <DnsText text={(explanation.spfMissing ?? 'no connecting address found').replace(/\.$/, '')} />.
        </p>
      )}
    </section>
  );
}

function DmarcDetails({ explanation }: { explanation: MessageExplanation }) {
  const { dmarc } = explanation;
  return (
    <section aria-labelledby="dmarc-heading">
      <h3 id="dmarc-heading">DMARC</h3>
      <dl class="facts">
        <dt>Result</dt>
        <dd>
          <span class={`result result-${dmarc.result}`}>{dmarc.result}</span>
          {dmarc.domain && (
            <>
              {' '}
              for <DnsText text={dmarc.domain} />
            </>
          )}
        </dd>
        <dt>Policy</dt>
        <dd>
          {dmarc.policy ? `${dmarc.policy} (${dmarc.policyTag}=)` : 'none published'}
          {dmarc.recordDomain && (
            <>
              {' '}
              <span class="muted">from _dmarc.</span>
              <DnsText text={dmarc.recordDomain} />
            </>
          )}
        </dd>
        <dt>Alignment</dt>
        <dd>
          DKIM: {dmarc.alignment.dkim ? <DnsText text={dmarc.alignment.dkim} /> : 'none'} ({dmarc.modes.dkim === 's' ? 'strict' : 'relaxed'}); SPF:{' '}
          {dmarc.alignment.spf ? <DnsText text={dmarc.alignment.spf} /> : 'none'} ({dmarc.modes.spf === 's' ? 'strict' : 'relaxed'})
        </dd>
        <dt>Receivers</dt>
        <dd>
          <DnsText text={dmarc.receiverAction} />
        </dd>
      </dl>
    </section>
  );
}
