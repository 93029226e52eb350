// @vitest-environment happy-dom
// bench/browser/paint-probe.ts, run as the bench runs it (its source text, first in a page called
// popup.html): the routing is on screen only when the mail server table has its final rows and
// none pending, and the page's own DoH fetches are noted (issue #24: the page may ask first).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAINT_MARKS_GLOBAL, PAINT_PROBE_SOURCE, type PaintMarks } from '../../bench/browser/paint-probe';
import { routingOnScreenMs } from '../../bench/browser/paint-marks';

const marks = () => (window as unknown as Record<string, PaintMarks>)[PAINT_MARKS_GLOBAL]!;
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

type Row = { ptr: string; fcrdns: string; state?: string };
const row = (ptr: string, fcrdns: string, state = 'resolved'): Row => ({ ptr, fcrdns, state });

/** The mail server table as the popup renders it (src/ui/mail-server-table.tsx), only the cells the probe reads. */
function showTable(rows: Row[]): void {
  const table = document.createElement('table');
  table.createCaption().textContent = 'Mail servers';
  const body = table.createTBody();
  for (const { ptr, fcrdns, state } of rows) {
    const tr = body.insertRow();
    tr.className = `state-${state}`;
    Object.assign(tr.insertCell(), { className: 'ptr', textContent: ptr });
    tr.insertCell().className = `fcrdns fcrdns-${fcrdns}`;
  }
  document.querySelector('#report')!.replaceChildren(table);
}

function showStatus(text: string): void {
  document.body.querySelector('[role="status"]')!.textContent = text;
}

const runProbe = () => new Function(PAINT_PROBE_SOURCE)();

beforeEach(() => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('chrome-extension://bench/popup.html');
  Object.assign(globalThis, { chrome: { runtime: { connect: () => ({ onMessage: { addListener: () => undefined } }) } } });
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  document.body.replaceChildren(status, Object.assign(document.createElement('div'), { id: 'report' }));
});

afterEach(() => {
  delete (window as unknown as Record<string, unknown>)[PAINT_MARKS_GLOBAL];
});

describe('the paint probe', () => {
  it('puts the routing on screen at the first complete table with the rows shown at Done, not before', async () => {
    runProbe();
    showTable([row('…', 'pending', 'pending')]);
    await settle();
    // One family in, PTR and FCrDNS answered, the other family still to come: looks complete.
    showTable([row('mx1.five-mx.test', 'pass')]);
    await settle();
    showTable([row('mx1.five-mx.test', 'pass'), row('…', 'pending')]);
    await settle();
    // The PTR in, its forward check not yet.
    showTable([row('mx1.five-mx.test', 'pass'), row('mx1.five-mx.test', 'pending')]);
    await settle();
    const complete = performance.now();
    showTable([row('mx1.five-mx.test', 'pass'), row('mx1.five-mx.test', 'pass')]);
    await settle();
    showStatus('Done in 120 ms');
    await settle();
    const seen = marks();
    expect(seen.domRouting?.map((entry) => entry.rows)).toEqual([1, 2]);
    expect(seen.doneRows).toBe(2);
    expect(routingOnScreenMs(seen)).toEqual(expect.any(Number));
    expect(routingOnScreenMs(seen)).toBe(seen.domRouting![1]!.frameMs);
    expect(routingOnScreenMs(seen)).toBeGreaterThan(complete); // not while a row was pending
  });

  it('notes the DoH questions the page fetches itself, GET and POST', async () => {
    const calls: string[] = [];
    window.fetch = (async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response('');
    }) as typeof fetch;
    runProbe();
    await fetch('https://cloudflare-dns.com/dns-query?dns=AAABAAABAAAAAAAA');
    await fetch('https://cloudflare-dns.com/dns-query', { method: 'POST', body: new Uint8Array([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1]) });
    await fetch('https://example.test/other');
    expect(calls).toHaveLength(3); // every call still reaches the page's fetch
    expect(marks().fetches?.map((f) => f.dns)).toEqual(['AAABAAABAAAAAAAA', 'AAABAAABAAAAAAAAAAABAAE']);
  });
});
