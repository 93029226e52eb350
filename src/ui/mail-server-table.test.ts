// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { nullExchange, pendingPtrAddress, testAddress, testExchange } from '../core/routing-checks/test-report';
import type { Exchange } from '../core/report';
import { MailServerTable } from './mail-server-table';
import { fiveMxReport } from './testing/sample-reports';
import { mount, textOf, unmountAll } from './testing/render';

afterEach(unmountAll);

const table = (exchanges: Exchange[]) => mount(h(MailServerTable, { exchanges })).querySelector('table')!;
// Through selectors rather than tBodies/rows/cells, which happy-dom implements only in part.
const bodiesOf = (element: HTMLTableElement) => [...element.querySelectorAll('tbody')];
const rowsOf = (body: Element) => [...body.querySelectorAll(':scope > tr')];
const cellsOf = (row: Element) => [...row.querySelectorAll(':scope > th, :scope > td')];
const rowTexts = (element: HTMLTableElement) => bodiesOf(element).flatMap((body) => rowsOf(body).map(textOf));

describe('MailServerTable', () => {
  it('is a table named "Mail servers" with the columns of docs/ui.md', () => {
    const element = table(fiveMxReport().exchanges);
    expect(textOf(element.querySelector('caption'))).toBe('Mail servers');
    expect(cellsOf(element.querySelector('thead tr')!).map(textOf)).toEqual(['Preference', 'Mail server', 'Address', 'Reverse DNS (PTR)', 'FCrDNS', 'TTL']);
  });

  it('groups equal preferences in one tbody captioned "load balanced" (RFC 5321 §5.1)', () => {
    const bodies = bodiesOf(table(fiveMxReport().exchanges));
    expect(bodies.map((body) => rowsOf(body).length)).toEqual([4, 2, 1, 1]);
    const preference = cellsOf(rowsOf(bodies[0]!)[0]!)[0]!;
    expect(textOf(preference)).toBe('10 load balanced');
    expect(preference.getAttribute('rowspan')).toBe('4');
    expect(bodies.slice(1).some((body) => textOf(body).includes('load balanced'))).toBe(false);
  });

  it('has one row per address, the host spanning its rows', () => {
    const rows = rowTexts(table(fiveMxReport().exchanges));
    expect(rows.slice(0, 3)).toEqual([
      '10 load balanced mx1.five-mx.test 192.0.2.11 mx1.five-mx.test pass 300',
      '2001:db8::11 mx1.five-mx.test pass 300',
      'mx2.five-mx.test 192.0.2.12 mx2.five-mx.test pass 300',
    ]);
  });

  it('gives a server without address one row that says why', () => {
    const rows = rowTexts(
      table([
        testExchange('missing.example', { preference: 10, state: 'nxdomain' }),
        testExchange('empty.example', { preference: 20, state: 'no-address' }),
        testExchange('192.0.2.50', { preference: 30, state: 'ip-literal' }),
        testExchange('slow.example', { preference: 40, state: 'pending' }),
        testExchange('broken.example', { preference: 50, state: 'error' }),
      ]),
    );
    expect(rows).toEqual([
      '10 missing.example does not exist 300',
      '20 empty.example no address 300',
      '30 192.0.2.50 IP literal 300',
      '40 slow.example resolving… 300',
      '50 broken.example lookup failed (SERVFAIL) 300',
    ]);
  });

  it('shows the null MX as "." that accepts no mail (RFC 7505)', () => {
    expect(rowTexts(table([nullExchange()]))).toEqual(['0 . null MX: accepts no mail 300']);
  });

  it('marks an implicit MX and an alias', () => {
    const rows = rowTexts(
      table([testExchange('implicit.test', { implicit: true, preference: 0 }), testExchange('mail.cname-mx.test', { cname: ['real.cname-mx.test'] })]),
    );
    expect(rows[0]).toMatch(/^0 implicit\.test implicit MX 192\.0\.2\.\d+/);
    expect(rows[1]).toMatch(/^10 mail\.cname-mx\.test alias of real\.cname-mx\.test /);
  });

  it('shows an IDN in Unicode with its ASCII form beside it', () => {
    const rows = rowTexts(table([testExchange('mx.xn--bcher-kva.test', { display: 'mx.bücher.test' })]));
    expect(rows[0]).toMatch(/^10 mx\.bücher\.test mx\.xn--bcher-kva\.test /);
  });

  it('writes the FCrDNS words of docs/ui.md: pass, fail, no PTR, …, off', () => {
    const exchange = testExchange('mx.example.com', {
      addresses: [
        testAddress('192.0.2.1'),
        testAddress('192.0.2.2', { fcrdns: 'fail', ptr: [{ name: 'other.example', forward: ['192.0.2.99'], forwardStatus: 'ok' }] }),
        testAddress('192.0.2.3', { fcrdns: 'none', ptr: [], ptrStatus: 'nxdomain' }),
        pendingPtrAddress('192.0.2.4'),
        testAddress('192.0.2.5', { fcrdns: 'skipped', ptr: [], ptrStatus: 'skipped' }),
      ],
    });
    const cells = [...table([exchange]).querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')]);
    expect(cells.map((row) => textOf(row.at(-2)))).toEqual(['pass', 'fail', 'no PTR', '…', 'off']);
    expect(cells.map((row) => textOf(row.at(-3)))).toEqual(['mx.example.com', 'other.example', 'none', '…', 'off']);
  });

  it('shows the special-purpose range of an address', () => {
    const rows = rowTexts(table([testExchange('mx1.private-mx.test', { addresses: [testAddress('10.0.0.25', { range: 'Private-Use' })] })]));
    expect(rows[0]).toContain('10.0.0.25 Private-Use');
  });

  it('scrolls in its own box, reachable by keyboard', () => {
    const scroller = table(fiveMxReport().exchanges).parentElement!;
    expect(scroller.className).toBe('table-scroll');
    expect(scroller.tabIndex).toBe(0);
  });
});
