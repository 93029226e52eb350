// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { newDmarcSection, probeDmarc } from '../../core/mail/dmarc';
import type { DmarcSection } from '../../core/mail/dmarc/types';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { mount, textOf, unmountAll } from '../testing/render';
import { DmarcSectionBody } from './dmarc-section';

afterEach(unmountAll);

async function sectionFor(records: FakeRecords, domain = 'example.com'): Promise<DmarcSection> {
  const section = newDmarcSection();
  await probeDmarc(section, { domain, ask: fakeAsk(records).ask });
  return section;
}
const render = (section: DmarcSection) => mount(h(DmarcSectionBody, { section }));
const rows = (element: HTMLElement) => [...element.querySelectorAll('dt')].map((dt) => `${textOf(dt)}: ${textOf(dt.nextElementSibling)}`);

describe('DmarcSectionBody', () => {
  it('says it is looking while the walk is unresolved', () => {
    expect(textOf(render(newDmarcSection()))).toBe('Looking up the DMARC record…');
  });

  it('shows the record verbatim and what its tags mean', async () => {
    const element = render(await sectionFor({ '_dmarc.example.com TXT': ['v=DMARC1; p=reject; sp=quarantine; pct=50; adkim=s; rua=mailto:d@example.com'] }));
    expect(textOf(element.querySelector('.dmarc-source'))).toBe('Published at _dmarc.example.com.');
    expect(textOf(element.querySelector('code.record'))).toBe('v=DMARC1; p=reject; sp=quarantine; pct=50; adkim=s; rua=mailto:d@example.com');
    expect(rows(element)).toEqual([
      'Policy for the domain: reject',
      'Subdomains: quarantine (sp=)',
      'Historic tags: pct=50 (RFC 9989: receivers ignore it)',
      'Alignment: DKIM strict, SPF relaxed',
      'Aggregate reports: mailto:d@example.com',
    ]);
  });

  it('says when the policy comes from the organizational domain, and which tag applies', async () => {
    const element = render(
      await sectionFor({ 'shop.example.com MX': ['mx.example.com'], '_dmarc.example.com TXT': ['v=DMARC1; p=reject; sp=none'] }, 'shop.example.com'),
    );
    expect(textOf(element.querySelector('.dmarc-source'))).toBe(
      'No record at _dmarc.shop.example.com; the record of the organizational domain example.com applies (its sp=).',
    );
    expect(rows(element)[0]).toBe('Policy for this subdomain: none (monitoring only) (sp=)');
  });

  it('in an NXDOMAIN report, says the domain does not exist and that np= applies (RFC 9989 §4.7)', async () => {
    const element = render(await sectionFor({ '_dmarc.example.com TXT': ['v=DMARC1; p=none; np=reject'] }, 'ghost.example.com'));
    expect(textOf(element.querySelector('.dmarc-source'))).toBe(
      'ghost.example.com does not exist (NXDOMAIN); the record of the organizational domain example.com applies to mail claiming to be from it (its np=, for non-existent subdomains).',
    );
    expect(rows(element)[0]).toBe('Policy for this subdomain: reject (np=: the domain does not exist)');
    expect(rows(element)).toContain('Non-existent subdomains: reject (np=)');
  });

  it('says when there is no record, and shows records receivers do not use', async () => {
    expect(textOf(render(await sectionFor({})))).toBe('No DMARC record at _dmarc.example.com or any parent domain.');
    const element = render(await sectionFor({ '_dmarc.example.com TXT': ['v=DMARC1; p=none', 'v=DMARC1; p=reject'] }));
    expect(textOf(element.querySelector('.dmarc-unused'))).toBe('Not used by receivers: v=DMARC1; p=none v=DMARC1; p=reject');
  });

  it('says when the lookup failed', async () => {
    expect(textOf(render(await sectionFor({ '_dmarc.example.com TXT': 'servfail' })))).toBe('The lookup of _dmarc.example.com failed (SERVFAIL).');
  });

  it('lists external report addresses and whether they take the reports', async () => {
    const element = render(await sectionFor({ '_dmarc.example.com TXT': ['v=DMARC1; p=none; rua=mailto:a@vendor.example'] }));
    expect(textOf(element.querySelector('.dmarc-refused'))).toBe(
      'vendor.example: does not accept the reports (no record at example.com._report._dmarc.vendor.example)',
    );
  });

  it('renders HTML in a record as text, never as markup', async () => {
    const element = render(await sectionFor({ '_dmarc.example.com TXT': ['v=DMARC1; p=none; x=<img src=x onerror=alert(1)>'] }));
    expect(element.querySelector('img')).toBeNull();
    expect(textOf(element.querySelector('code.record'))).toContain('<img src=x onerror=alert(1)>');
    expect(rows(element)).toContain('Ignored tags: x');
  });
});
