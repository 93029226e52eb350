// @vitest-environment happy-dom
// DNS data is text (docs/ui.md): HTML in TXT, SPF, DMARC, PTR names or a finding shows as its
// characters, and never becomes an element.
import { h } from 'preact';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { ipReport } from '../core/routing-checks/test-report';
import { LookupView } from './lookup-view';
import { HTML, withFindings, xssReport } from './testing/sample-reports';
import { loadLazyParts, mount, unmountAll } from './testing/render';
import { preloadLazyChunks } from './testing/render';

beforeAll(preloadLazyChunks);

afterEach(unmountAll);

const actions = { copy: async () => undefined };

it('shows HTML from TXT, SPF, DMARC, PTR and findings as text, creating no element', async () => {
  const report = xssReport();
  const view = mount(h(LookupView, { state: { request: { type: 'lookup', input: 'xss.test', source: 'typed' }, report }, actions }));
  await loadLazyParts();
  view.querySelector('details')?.setAttribute('open', '');
  expect(view.querySelector('img, script, b')).toBeNull();
  const text = view.textContent ?? '';
  expect(text).toContain(`${HTML}.xss.test`);
  expect(text).toContain('v=spf1 include:<b>x</b> -all');
  expect(text).toContain(`rua=mailto:${HTML}@xss.test`);
  expect(text).toContain('<script>alert(1)</script>');
  expect(text).toContain(`The PTR name ${HTML}.xss.test is not a valid host name.`);
});

it('puts no DNS data in attributes', async () => {
  const report = xssReport();
  const view = mount(h(LookupView, { state: { report }, actions }));
  await loadLazyParts();
  for (const element of view.querySelectorAll('*')) {
    for (const attribute of element.attributes) expect(attribute.value).not.toContain('onerror');
  }
});

it('treats a hostile PTR of an IP query the same way', () => {
  const report = withFindings(ipReport('192.0.2.90', { ptr: [{ name: HTML, forward: [], forwardStatus: 'nxdomain' }], fcrdns: 'fail' }));
  const view = mount(h(LookupView, { state: { report }, actions }));
  expect(view.querySelector('img')).toBeNull();
  expect(view.textContent).toContain(HTML);
});
