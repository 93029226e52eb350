// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { newDkimSection, probeDkim } from '../../core/mail/dkim';
import { ED25519_RAW, RSA_1024_SPKI, RSA_2048_SPKI } from '../../core/mail/dkim/testing/test-keys';
import type { DkimSection } from '../../core/mail/dkim/types';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { mount, textOf, unmountAll } from '../testing/render';
import { DkimSectionBody } from './dkim-section';

afterEach(unmountAll);

async function sectionFor(records: FakeRecords, extra: string[] = []): Promise<DkimSection> {
  const section = newDkimSection();
  await probeDkim(section, { domain: 'example.com', ask: fakeAsk(records).ask }, extra);
  return section;
}
const render = (section: DkimSection) => mount(h(DkimSectionBody, { section }));
/** Selector, key, and the notes (without the record folded under them). */
const rowTexts = (element: HTMLElement) =>
  [...element.querySelectorAll('tbody tr')].map((row) => [
    textOf(row.querySelector('th')),
    textOf(row.querySelector('td')),
    [...row.querySelectorAll('.note')].map(textOf).join('; '),
  ]);

describe('DkimSectionBody', () => {
  it('says it is looking before any selector is asked', () => {
    expect(textOf(render(newDkimSection()))).toBe('Looking for DKIM keys…');
  });

  it('shows each key found with its type and size, as a table', async () => {
    const element = render(
      await sectionFor(
        {
          'google._domainkey.example.com TXT': [`v=DKIM1; k=rsa; p=${RSA_2048_SPKI}`],
          'selector1._domainkey.example.com TXT': [`v=DKIM1; k=ed25519; t=y; p=${ED25519_RAW}`],
          'custom._domainkey.example.com TXT': [`v=DKIM1; p=${RSA_1024_SPKI}`],
        },
        ['custom'],
      ),
    );
    expect(textOf(element.querySelector('caption'))).toBe('DKIM keys');
    expect(textOf(element.querySelector('.dkim-summary'))).toBe('3 of 31 selectors tried have keys.');
    expect(rowTexts(element)).toEqual([
      ['custom added', '1024-bit RSA', ''],
      ['google', '2048-bit RSA', ''],
      ['selector1', 'Ed25519', 'testing (t=y)'],
    ]);
  });

  it('marks an unusable key and says why', async () => {
    const element = render(await sectionFor({ 'k1._domainkey.example.com TXT': ['v=DKIM1; p=!!'] }));
    expect(element.querySelector('.dkim-unusable')).not.toBeNull();
    expect(textOf(element.querySelector('tbody'))).toContain('not valid base64');
  });

  it('lists the selectors tried and what was not a selector', async () => {
    const element = render(await sectionFor({}, ['<b>bad</b>']));
    expect(element.querySelector('table')).toBeNull();
    expect(textOf(element.querySelector('.dkim-summary'))).toBe('0 of 30 selectors tried have keys.');
    expect(textOf(element.querySelector('.dkim-tried summary'))).toBe('Selectors tried (30)');
    expect(textOf(element.querySelector('.dkim-tried .note'))).toBe('Not selectors, so not asked: <b>bad</b>');
    expect(element.querySelector('b')).toBeNull();
  });

  it('renders HTML in a record as text', async () => {
    const element = render(await sectionFor({ 'k1._domainkey.example.com TXT': ['v=DKIM1; n=<img src=x onerror=alert(1)>; p='] }));
    expect(element.querySelector('img')).toBeNull();
    expect(textOf(element.querySelector('tbody'))).toContain('n=<img src=x onerror=alert(1)>');
  });

  it('says what _domainkey tells when no selector tried has a key: none, others, or a wildcard', async () => {
    const outcome = async (records: FakeRecords) => textOf(render(await sectionFor(records)).querySelector('.dkim-outcome'));
    expect(await outcome({})).toBe('No key under any selector: _domainkey.example.com does not exist (NXDOMAIN), so nothing below it does.');
    expect(await outcome({ '_domainkey.example.com TXT': [] })).toBe(
      'Keys exist under selectors not tried: _domainkey.example.com exists with no record of its own (NOERROR, no data).',
    );
    expect(await outcome({ '_domainkey.example.com TXT': [], 'mxray-no-such-selector-7q3z._domainkey.example.com TXT': ['v=DKIM1; p='] })).toBe(
      'A wildcard answers every selector under _domainkey.example.com, so this test cannot tell whether there are keys.',
    );
  });
});
