// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { probeFake } from '../../core/mail/dane/fake-dane';
import { newDaneSection } from '../../core/mail/dane/types';
import type { DaneSection } from '../../core/mail/dane/types';
import { mount, textOf, unmountAll } from '../testing/render';
import { DaneSectionBody } from './dane-section';

afterEach(unmountAll);

const SHA256 = 'ab'.repeat(32);
const render = (section: DaneSection) => mount(h(DaneSectionBody, { section }));
const signed = (records: Record<string, string[] | 'servfail'>) =>
  probeFake([{ name: 'mx.example.com', signed: true }], { mxSigned: true, signed: ['example.com'], records }).then((r) => r.section);

describe('DaneSectionBody', () => {
  it('waits for the MX hosts', () => {
    expect(textOf(render(newDaneSection()))).toBe('Waiting for the MX hosts…');
  });

  it('shows each record with its meaning, the status, and the commands that check port 25', async () => {
    const element = render(await signed({ '_25._tcp.mx.example.com TLSA': [`3 1 1 ${SHA256}`, `1 1 1 ${SHA256}`] }));
    expect(textOf(element.querySelector('h4'))).toBe('mx.example.com DANE valid');
    const rows = [...element.querySelectorAll('tbody tr')].map(textOf);
    expect(rows[0]).toContain('usage 1 (PKIX-EE) is not used for SMTP');
    expect(rows[1]).toBe(`3 1 1 DANE-EE, SPKI, SHA2-256 ${SHA256} usable`);
    expect(textOf(element)).toContain('To match the records against the certificate on port 25, which a browser cannot reach, run:');
    const commands = [...element.querySelectorAll('pre.dane-command')].map(textOf);
    expect(commands).toEqual([
      'posttls-finger -t30 -T180 -c -L verbose,summary "[mx.example.com]"',
      `openssl s_client -starttls smtp -connect mx.example.com:25 -dane_tlsa_domain mx.example.com -dane_tlsa_rrdata "3 1 1 ${SHA256}"`,
    ]);
  });

  it('says when there are no records, or the lookup failed', async () => {
    expect(textOf(render(await signed({})))).toBe('mx.example.com no TLSA No TLSA records at _25._tcp.mx.example.com.');
    expect(textOf(render(await signed({ '_25._tcp.mx.example.com TLSA': 'servfail' })))).toContain(
      'The lookup of _25._tcp.mx.example.com TLSA failed (SERVFAIL).',
    );
  });

  it('renders HTML in a record as text', async () => {
    const section = await signed({ '_25._tcp.mx.example.com TLSA': [`3 1 1 ${SHA256}`] });
    section.hosts[0]!.records[0]!.data = '<img src=x onerror=alert(1)>';
    const element = render(section);
    expect(element.querySelector('img')).toBeNull();
    expect(textOf(element)).toContain('<img src=x onerror=alert(1)>');
  });
});
