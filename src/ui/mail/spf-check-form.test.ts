// @vitest-environment happy-dom
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSpf, parseSendingIp, type SpfCheck } from '../../core/mail/spf/check-host';
import type { SpfCheckPayload } from '../../core/mail/spf/check-host/types';
import { fakeAsk } from '../../core/mail/testing/fake-ask';
import { mount, textOf, unmountAll } from '../testing/render';
import { SpfCheckForm } from './spf-check-form';

afterEach(unmountAll);

const zone = fakeAsk({
  'example.com TXT': ['v=spf1 include:_spf.example.com -all exp=why.example.com'],
  '_spf.example.com TXT': ['v=spf1 ip4:203.0.113.0/24 a:mail.example.com ~all'],
  'mail.example.com A': ['198.51.100.7'],
  'why.example.com TXT': ['<b>%{i}</b> is not ours'],
});

/** What the worker does (src/background/requests/check-spf.ts), over an in-memory zone. */
const asked: SpfCheckPayload[] = [];
async function worker(request: SpfCheckPayload): Promise<SpfCheck> {
  asked.push(request);
  const ip = parseSendingIp(request.ip);
  if (!ip.ok) throw new Error(ip.error);
  return checkSpf({ ip: ip.ip.ip, sender: request.sender, helo: request.helo }, { ask: zone.ask });
}

async function submit(root: HTMLElement, values: { ip: string; helo?: string; sender?: string }) {
  for (const [name, value] of Object.entries(values)) {
    const input = root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    input.value = value;
    act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
  }
  await act(async () => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

describe('Test a sending server', () => {
  it('says in plain words that an address from a Received line may send, and shows the path', async () => {
    const root = mount(h(SpfCheckForm, { domain: 'example.com', check: worker }));
    await submit(root, { ip: 'from out.example.com (out.example.com [203.0.113.5]) by mx.test' });
    expect(asked.at(-1)).toMatchObject({ sender: 'example.com', helo: null });
    expect(root.querySelector('[data-result]')?.getAttribute('data-result')).toBe('pass');
    expect(textOf(root.querySelector('.spf-check-sentence'))).toBe(
      '203.0.113.5 may send mail for example.com: it matches ip4:203.0.113.0/24 in _spf.example.com, included by example.com.',
    );
    expect([...root.querySelectorAll('.spf-check-path li')].map((li) => li.textContent)).toEqual([
      'example.com',
      'include:_spf.example.com',
      'ip4:203.0.113.0/24 matched',
    ]);
    expect(root.querySelector('.spf-check-authorized summary')?.textContent).toBe('Authorized senders: 1 range (256 IPv4, 0 IPv6 addresses), 1 by name');
  });

  it('shows the explanation of a fail as text, never as HTML', async () => {
    const root = mount(h(SpfCheckForm, { domain: 'example.com', check: worker }));
    await submit(root, { ip: '[::ffff:192.0.2.9]', sender: 'bob@example.com' });
    expect(root.querySelector('[data-result]')?.getAttribute('data-result')).toBe('fail');
    expect(root.querySelector('.spf-check-explanation b')).toBeNull();
    expect(textOf(root.querySelector('.spf-check-explanation'))).toContain('<b>192.0.2.9</b> is not ours');
  });

  it('starts with the email address the lookup was for as the sender', async () => {
    const root = mount(h(SpfCheckForm, { domain: 'example.com', email: 'carol@example.com', check: worker }));
    expect(root.querySelector<HTMLInputElement>('input[name="sender"]')?.value).toBe('carol@example.com');
    await submit(root, { ip: '203.0.113.5' });
    expect(asked.at(-1)).toMatchObject({ sender: 'carol@example.com' });
  });

  it('"<>" as the sender checks the HELO name; a bad IP is a sentence, not a crash', async () => {
    const root = mount(h(SpfCheckForm, { domain: 'example.com', check: worker }));
    await submit(root, { ip: '203.0.113.5', sender: '<>', helo: 'example.com' });
    expect(asked.at(-1)).toMatchObject({ sender: '', helo: 'example.com' });
    expect(textOf(root)).toContain('checked 203.0.113.5 for HELO example.com');
    await submit(root, { ip: 'not an address', sender: '', helo: '' });
    expect(textOf(root.querySelector('[role="alert"]'))).toMatch(/No IP address found/);
  });
});
