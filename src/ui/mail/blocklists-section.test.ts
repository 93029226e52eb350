// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { newBlocklistSection, probeBlocklists, type BlocklistAddress } from '../../core/mail/blocklists/probe-blocklists';
import type { BlocklistSection } from '../../core/mail/blocklists/types';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { mount, textOf, unmountAll } from '../testing/render';
import { BlocklistsSectionBody } from './blocklists-section';

afterEach(unmountAll);

const render = (section: BlocklistSection) => mount(h(BlocklistsSectionBody, { section }));
async function probed(records: FakeRecords, addresses: BlocklistAddress[]) {
  const section = newBlocklistSection();
  await probeBlocklists(section, { domain: 'example.com', ask: fakeAsk(records).ask }, addresses);
  return section;
}
const rows = (element: HTMLElement) => [...element.querySelectorAll('tbody tr')].map(textOf);

describe('BlocklistsSectionBody', () => {
  it('waits for the addresses before drawing a table', () => {
    expect(textOf(render(newBlocklistSection()))).toBe('Waiting for the mail server addresses…');
    expect(textOf(render({ ...newBlocklistSection(), status: 'done' }))).toBe('No mail server addresses to check.');
  });

  it('is a table with a column per address (and its hosts) and a row per list', async () => {
    const element = render(
      await probed({}, [
        { ip: '192.0.2.1', family: 4, host: 'mx1.example.com' },
        { ip: '2001:db8::1', family: 6, host: 'mx1.example.com' },
      ]),
    );
    expect(textOf(element.querySelector('caption'))).toBe('Blocklists (DNSBL)');
    expect([...element.querySelectorAll('thead th')].map(textOf)).toEqual(['List', '192.0.2.1 mx1.example.com', '2001:db8::1 mx1.example.com']);
    expect(rows(element)[0]).toBe('Spamhaus ZEN zen.spamhaus.org not listed not listed');
    expect(rows(element)[1]).toBe('SpamCop bl.spamcop.net not listed IPv4 only');
    expect(textOf(element)).toContain('IPv4 only: the list has no entries for IPv6 addresses');
  });

  it('puts lists with a listing first, linking the listed cell to the lookup page', async () => {
    const element = render(
      await probed(
        { '170.2.0.192.bl.spamcop.net A': ['127.0.0.2'], '170.2.0.192.zen.spamhaus.org A': ['127.255.255.254'], '170.2.0.192.psbl.surriel.com A': 'servfail' },
        [{ ip: '192.0.2.170', family: 4, host: 'mx.listed.test' }],
      ),
    );
    const texts = rows(element);
    expect(texts[0]).toBe('SpamCop bl.spamcop.net listed');
    expect(texts[1]).toBe('Spamhaus ZEN zen.spamhaus.org refused');
    expect(texts).toContain('PSBL psbl.surriel.com failed (SERVFAIL)');
    const listed = element.querySelector('td.bl-listed')!;
    expect(listed.className).toContain('bl-error');
    expect(listed.querySelector('a')!.getAttribute('href')).toBe('https://www.spamcop.net/bl.shtml?192.0.2.170');
    expect(listed.getAttribute('title')).toContain('127.0.0.2: SpamCop users recently reported spam');
    expect(element.querySelector('td.bl-refused')!.getAttribute('title')).toContain('public or open resolver');
  });

  it('shows the short code names of a listing', async () => {
    const element = render(
      await probed({ '9.2.0.192.zen.spamhaus.org A': ['127.0.0.2', '127.0.0.4'] }, [{ ip: '192.0.2.9', family: 4, host: 'mx.example.com' }]),
    );
    expect(rows(element)[0]).toBe('Spamhaus ZEN zen.spamhaus.org listed: SBL, XBL');
  });

  it('shows pending cells while answers are out', () => {
    const section = newBlocklistSection();
    void probeBlocklists(section, { domain: 'example.com', ask: () => new Promise(() => undefined) }, [{ ip: '192.0.2.1', family: 4, host: 'mx.example.com' }]);
    expect(rows(render(section))[0]).toBe('Spamhaus ZEN zen.spamhaus.org …');
  });

  it('renders DNS text as text, never as markup', async () => {
    const element = render(
      await probed({ '1.2.0.192.bl.spamcop.net A': ['<img src=x onerror=alert(1)>'] }, [{ ip: '192.0.2.1', family: 4, host: '<b>mx</b>.example.com' }]),
    );
    expect(element.querySelector('img, b')).toBeNull();
    expect(textOf(element)).toContain('<b>mx</b>.example.com');
    expect(element.querySelector('td.bl-bad-answer')!.getAttribute('title')).toContain('<img src=x onerror=alert(1)>');
  });

  it('lists the addresses left out over the limit', () => {
    const element = render({
      ...newBlocklistSection(),
      status: 'done',
      omitted: ['198.51.100.99'],
      targets: [{ ip: '192.0.2.1', family: 4, hosts: ['mx.example.com'], results: [] }],
    });
    expect(textOf(element)).toContain('Not checked (too many addresses): 198.51.100.99');
  });
});
