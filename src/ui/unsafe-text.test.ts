// @vitest-environment happy-dom
// Issue #16, section 2: control, bidi and invisible characters from DNS are shown escaped in
// every text form the page has (the popup, the result page and the panel all render
// LookupView), inside <bdi> so right-to-left text cannot reorder its surroundings; the plain
// text copy escapes them the same way, and the JSON copy keeps the exact data.
import { h } from 'preact';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { testAddress, testExchange, testReport } from '../core/routing-checks/test-report';
import { escapeUnsafe } from '../core/text/unsafe-chars';
import { formatPlainText } from './format/plain-text';
import { LookupView } from './lookup-view';
import { loadLazyParts, mount, unmountAll } from './testing/render';
import { withFindings } from './testing/sample-reports';
import { preloadLazyChunks } from './testing/render';

beforeAll(preloadLazyChunks);

afterEach(unmountAll);

const ZWSP_PTR = 'mx.ptr\u200bzwsp.example';
const RLO_PTR = 'mail.moc\u202elapyap.example';
const report = withFindings(
  testReport({
    exchanges: [
      testExchange('mx2.tri\u200bck.example', {
        addresses: [
          testAddress('192.0.2.1', { ptr: [{ name: ZWSP_PTR, forward: [], forwardStatus: 'skipped' }], fcrdns: 'fail' }),
          testAddress('192.0.2.2', { ptr: [{ name: RLO_PTR, forward: [], forwardStatus: 'skipped' }], fcrdns: 'fail' }),
        ],
      }),
    ],
    txt: {
      records: ['v=spf1 \u001b[31m\u2066-all'],
      status: 'ok',
      spf: ['v=spf1 \u001b[31m\u2066-all'],
      dmarc: ['v=DMARC1; p=reject\ufeff'],
      dmarcStatus: 'ok',
    },
  }),
  [{ code: 'ptr-invalid-hostname', severity: 'warn', message: `The reverse name (PTR) of 192.0.2.2, ${RLO_PTR}, is not a valid host name.` }],
);
// eslint-disable-next-line no-control-regex -- finding them is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

it('shows every unsafe character escaped on the page, each piece of DNS data in a <bdi>', async () => {
  const view = mount(h(LookupView, { state: { report }, actions: { copy: async () => undefined } }));
  await loadLazyParts();
  const text = view.textContent ?? '';
  expect(text).not.toMatch(UNSAFE);
  expect(text).toContain('mx.ptr\\u200bzwsp.example');
  expect(text).toContain('mail.moc\\u202elapyap.example');
  expect(text).toContain('mx2.tri\\u200bck.example');
  expect(text).toContain('v=spf1 \\u001b[31m\\u2066-all');
  expect(text).toContain('p=reject\\ufeff');
  const ptrs = [...view.querySelectorAll('.ptr-name')];
  expect(ptrs.map((node) => node.tagName)).toEqual(['BDI', 'BDI']);
  expect(ptrs.map((node) => node.textContent)).toEqual([escapeUnsafe(ZWSP_PTR), escapeUnsafe(RLO_PTR)]);
  expect(view.querySelector('.finding-message')?.tagName).toBe('BDI');
  expect(view.querySelector('.lookup-title bdi')).not.toBeNull();
});

it('escapes them in the plain-text copy, and keeps the exact data in JSON', () => {
  const text = formatPlainText(report);
  expect(text).not.toMatch(UNSAFE);
  expect(text).toContain('mx.ptr\\u200bzwsp.example');
  expect(text).toContain('mail.moc\\u202elapyap.example');
  expect(text).toContain('mx2.tri\\u200bck.example');
  expect(JSON.parse(JSON.stringify(report)).exchanges[0].addresses[1].ptr[0].name).toBe(RLO_PTR);
});

it('keeps the line ends of a policy file but escapes what else could deceive', async () => {
  const { DnsText } = await import('./dns-text');
  const view = mount(h(DnsText, { text: 'version: STSv1\r\nmx: a\u202e.example\n\tmode: enforce\u001b', multiline: true }));
  expect(view.textContent).toBe('version: STSv1\r\nmx: a\\u202e.example\n\tmode: enforce\\u001b');
});
