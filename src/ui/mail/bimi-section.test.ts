// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { newBimiSection, probeBimi } from '../../core/mail/bimi';
import type { BimiSection } from '../../core/mail/bimi/types';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { mount, textOf, unmountAll } from '../testing/render';
import { BimiSectionBody } from './bimi-section';

afterEach(unmountAll);

async function sectionFor(records: FakeRecords): Promise<BimiSection> {
  const section = newBimiSection();
  await probeBimi(section, { domain: 'example.com', ask: fakeAsk(records).ask });
  return section;
}
const render = (section: BimiSection) => mount(h(BimiSectionBody, { section }));
const rows = (element: HTMLElement) => [...element.querySelectorAll('dt')].map((dt) => `${textOf(dt)}: ${textOf(dt.nextElementSibling)}`);

describe('BimiSectionBody', () => {
  it('says it is looking, that there is no record, or that the lookup failed', async () => {
    expect(textOf(render(newBimiSection()))).toBe('Looking up the BIMI record…');
    expect(textOf(render(await sectionFor({})))).toBe('No BIMI record at default._bimi.example.com.');
    expect(textOf(render(await sectionFor({ 'default._bimi.example.com TXT': 'servfail' })))).toBe(
      'The lookup of default._bimi.example.com failed (SERVFAIL).',
    );
  });

  it('shows the record, the logo and certificate locations as text, never loading them', async () => {
    const element = render(await sectionFor({ 'default._bimi.example.com TXT': ['v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem'] }));
    expect(rows(element)).toEqual(['Logo: https://example.com/logo.svg', 'Mark certificate: https://example.com/vmc.pem']);
    expect(element.querySelector('img, a, object, iframe')).toBeNull();
  });

  it('shows a declination', async () => {
    expect(rows(render(await sectionFor({ 'default._bimi.example.com TXT': ['v=BIMI1; l=; a=;'] })))).toEqual(['Logo: declined (empty l= and a=)']);
  });

  it('renders HTML in a record as text', async () => {
    const element = render(await sectionFor({ 'default._bimi.example.com TXT': ['v=BIMI1; l=<svg onload=alert(1)>'] }));
    expect(element.querySelector('svg')).toBeNull();
    expect(rows(element)[0]).toBe('Logo: <svg onload=alert(1)>');
  });
});
