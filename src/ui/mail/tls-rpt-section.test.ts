// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { newTlsRptSection, probeTlsRpt } from '../../core/mail/tls-rpt';
import type { TlsRptSection } from '../../core/mail/tls-rpt/types';
import { mount, textOf, unmountAll } from '../testing/render';
import { TlsRptSectionBody } from './tls-rpt-section';

afterEach(unmountAll);

async function sectionFor(records: FakeRecords): Promise<TlsRptSection> {
  const section = newTlsRptSection();
  await probeTlsRpt(section, { domain: 'example.com', ask: fakeAsk(records).ask });
  return section;
}
const render = (section: TlsRptSection) => mount(h(TlsRptSectionBody, { section }));

describe('TlsRptSectionBody', () => {
  it('says it is looking, that there is no record, or that the lookup failed', async () => {
    expect(textOf(render(newTlsRptSection()))).toBe('Looking up the TLS reporting record…');
    expect(textOf(render(await sectionFor({})))).toBe('No TLS reporting record at _smtp._tls.example.com.');
    expect(textOf(render(await sectionFor({ '_smtp._tls.example.com TXT': 'error' })))).toBe(
      'The lookup of _smtp._tls.example.com failed (no resolver answered).',
    );
  });

  it('shows the record and where reports go', async () => {
    const element = render(await sectionFor({ '_smtp._tls.example.com TXT': ['v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example/tls'] }));
    expect(textOf(element.querySelector('code.record'))).toBe('v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example/tls');
    expect([...element.querySelectorAll('dd')].map(textOf)).toEqual(['mailto:tls@example.com', 'https://r.example/tls']);
  });

  it('renders HTML in a record as text', async () => {
    const element = render(await sectionFor({ '_smtp._tls.example.com TXT': ['v=TLSRPTv1; rua=<img src=x onerror=alert(1)>'] }));
    expect(element.querySelector('img')).toBeNull();
    expect(textOf(element)).toBe('v=TLSRPTv1; rua=<img src=x onerror=alert(1)>');
  });
});
