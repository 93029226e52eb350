/**
 * 2. The route: the Received chain in delivery order (the origin first), each hop's time in the
 * person's time zone, its delay, and what stands out, in words.
 */
import type { Hop } from '../core/message/types';
import { DnsText, dnsString } from '../ui/dns-text';
import { durationWords } from '../core/message/duration-words';
import { FLAG_WORDS, localTime, tlsWords } from './words';

const cell = (text: string | null) => (text ? <DnsText text={text} /> : <span class="muted">—</span>);

export function RouteTable({ hops, totalSeconds }: { hops: readonly Hop[]; totalSeconds: number | null }) {
  return (
    <section class="route" aria-labelledby="route-heading">
      <h2 id="route-heading">Route</h2>
      {hops.length === 0 ? (
        <p class="muted">No Received lines: the route is not known.</p>
      ) : (
        <div class="table-box">
          <table aria-label="Route">
            <thead>
              <tr>
                <th scope="col">Hop</th>
                <th scope="col">From</th>
                <th scope="col">By</th>
                <th scope="col">IP</th>
                <th scope="col">With</th>
                <th scope="col">TLS</th>
                <th scope="col">Time</th>
                <th scope="col">Delay</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {hops.map((hop, index) => (
                <tr key={index} title={dnsString(hop.text)} class={hop.flags.length > 0 ? 'flagged' : undefined}>
                  <td class="num">{index + 1}</td>
                  <td>{cell(hop.from)}</td>
                  <td>{cell(hop.by)}</td>
                  <td class="mono">{cell(hop.ip)}</td>
                  <td>{cell(hop.with)}</td>
                  <td class={hop.tls === false ? 'bad' : undefined}>{tlsWords(hop.tls)}</td>
                  <td>{localTime(hop.at)}</td>
                  <td class="num">{hop.delaySeconds === null ? '—' : durationWords(hop.delaySeconds)}</td>
                  <td>{hop.flags.map((flag) => FLAG_WORDS[flag]).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {totalSeconds !== null && <p class="total">Total time: {durationWords(totalSeconds)}</p>}
    </section>
  );
}
