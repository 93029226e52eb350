// @vitest-environment happy-dom
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotAMessage } from '../core/message/explain-message';
import type { ByteString, MessageExplanation } from '../core/message/types';
import type { KeptExplanation } from '../platform/kept-explanations';
import { mount, textOf, unmountAll } from '../ui/testing/render';
import { MessageApp, progressWords, type MessagePlatform } from './message-app';
import { SAMPLE_BOUNCE, sampleExplanation } from './sample-explanation';

// The page gets explainMessage from its platform; only the error class is taken from the module
// (the real explainMessage and its parts are tested in src/core/message).
vi.mock('../core/message/explain-message', () => ({ NotAMessage: class NotAMessage extends Error {} }));

afterEach(unmountAll);

const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

function platform(explain: MessagePlatform['explain'] = async () => sampleExplanation()) {
  let kept: KeptExplanation[] = [];
  const spy = vi.fn(explain);
  const value: MessagePlatform = {
    explain: spy,
    ask: async (name, type) => ({ name, type, status: 'nxdomain', values: [], authenticated: false, depth: 1 }),
    reportUrl: (query) => `chrome-extension://id/popup.html?q=${encodeURIComponent(query)}`,
    kept: {
      list: async () => kept,
      keep: async (entry) => (kept = [entry, ...kept]),
      clear: async () => void (kept = []),
    },
  };
  return { value, spy, kept: () => kept };
}

async function explained(explanation?: MessageExplanation) {
  const p = platform(async () => explanation ?? sampleExplanation());
  const root = mount(h(MessageApp, { platform: p.value }));
  typeMessage(root, 'From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n');
  await submit(root);
  return { root, p };
}

function typeMessage(root: HTMLElement, text: string) {
  const box = root.querySelector('textarea')!;
  act(() => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(root: HTMLElement) {
  act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  await flush();
}

const table = (root: HTMLElement, name: string) => root.querySelector(`table[aria-label="${name}"]`)!;
const rowTexts = (element: Element) => [...element.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => textOf(cell)));

describe('message.html: explain a message', () => {
  it('says that only DNS questions leave the device, and has a labelled text box, a file picker and an Explain button', () => {
    const root = mount(h(MessageApp, { platform: platform().value }));
    expect(textOf(root)).toContain('nothing of it is sent anywhere or kept. Only DNS questions');
    expect(root.querySelector('label[for="message-text"]')).not.toBeNull();
    expect(root.querySelector('input[type="file"]')?.getAttribute('accept')).toContain('.eml');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Explain')!;
    expect(button.disabled).toBe(true); // nothing to explain yet
  });

  it('passes the pasted text to explainMessage as UTF-8 bytes, with the worker ask and a clock', async () => {
    const { p } = await explained();
    const [input, context] = p.spy.mock.calls[0]!;
    expect(input).toBe('From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n');
    expect(context.ask).toBe(p.value.ask);
    expect(typeof context.now()).toBe('number');
  });

  it('shows the verdict with its kind as a badge, then the route in delivery order with times in the local zone', async () => {
    const { root } = await explained();
    const verdict = root.querySelector('[aria-label="Verdict"]')!;
    expect(textOf(verdict.querySelector('.badge'))).toBe('Not authenticated');
    // The badge says the kind; the line goes on without saying it twice.
    expect(textOf(verdict.querySelector('.verdict'))).toMatch(/^Not authenticated the body was changed after example\.com signed it/);
    const rows = rowTexts(table(root, 'Route'));
    expect(rows.map((row) => row[0])).toEqual(['1', '2', '3']);
    expect(rows[0]!.slice(1, 6)).toEqual(['laptop.example.com', 'mail.example.com', '192.168.1.20', 'ESMTPSA', 'yes']);
    expect(rows[0]![6]).toBe(new Date('2026-12-07T13:05:00.000Z').toLocaleString());
    expect(rows[0]![7]).toBe('—');
    expect(rows[1]!.slice(5)).toEqual(['no', new Date('2026-12-07T13:11:40.000Z').toLocaleString(), '6 min 40 s', 'slow hop (greylisting or a queue), no TLS']);
    expect(rows[2]!.slice(7)).toEqual(['−10 s', 'clocks disagree']);
    expect(textOf(root.querySelector('.total'))).toBe('Total time: 6 min 30 s');
  });

  it('puts what MXray verified beside what the receiver said, and marks a disagreement', async () => {
    const { root } = await explained();
    const rows = [...table(root, 'Authentication').querySelectorAll('tbody tr')];
    const cells = rows.map((row) => [...row.children].map((cell) => textOf(cell)));
    expect(cells[0]).toEqual(['DKIM', 'fail (d=example.com)', 'pass disagrees']);
    expect(rows[0]!.classList.contains('disagree')).toBe(true);
    expect(cells[1]).toEqual(['SPF', 'pass (198.51.100.7 for example.org)', 'pass']);
    expect(cells[2]).toEqual(['DMARC', 'fail (policy reject, p=) for example.com', 'fail']);
    expect(cells[3]).toEqual(['ARC', 'pass (1 set)', '—']);
    expect(textOf(root.querySelector('[aria-label="Findings"] li'))).toContain('Warning The receiver said dkim=pass');
    expect(rowTexts(table(root, 'DKIM signatures'))).toEqual([
      ['example.com', 'sel1', 'rsa-sha256', 'fail', 'body hash mismatch: the body was changed after signing', 'yes'],
    ]);
    expect(rowTexts(table(root, 'ARC sets'))).toEqual([['1', 'none', 'example.org', 'pass', 'pass', 'dkim=pass, spf=pass, dmarc=pass']]);
    expect(textOf(root.querySelector('#spf-heading')!.parentElement)).toContain('Connecting IP 198.51.100.7 from Received-SPF client-ip');
  });

  it('renders hostile header text as text: no element from it, bidi and controls escaped', async () => {
    const { root } = await explained();
    expect(root.querySelectorAll('script, img, iframe, object, embed').length).toBe(0);
    const subject = textOf(root.querySelector('.subject'));
    expect(subject).toBe('Invoice <script>alert(1)</script> <img src=http://tracker.invalid/p.gif> \\u202efdp.exe');
    expect(root.textContent).not.toContain('\u202E');
    expect(textOf(table(root, 'Route'))).toContain('mail.example.com <img src=x onerror=alert(1)>');
  });

  it('links every linkable domain to its full report; a domain that is not a host name stays text', async () => {
    const { root } = await explained();
    const links = [...root.querySelectorAll('ul[aria-label="Full reports"] li')];
    expect(links.map((li) => li.querySelector('a')?.getAttribute('href') ?? null)).toEqual([
      'chrome-extension://id/popup.html?q=example.com',
      'chrome-extension://id/popup.html?q=example.org',
      null,
    ]);
    expect(textOf(links[1])).toBe('SPF of example.org (in its SPF section, “Test a sending server” with 198.51.100.7 )');
    expect(links[0]!.querySelector('a')!.getAttribute('rel')).toBe('noreferrer');
  });

  it('explains a bounce: the status in words, the remote server, the diagnostic, advice and lookups', async () => {
    const { root } = await explained(sampleExplanation({ verdictKind: 'bounced', verdict: 'Bounced: 5.7.26, Gmail refused it.', bounce: SAMPLE_BOUNCE }));
    const bounce = root.querySelector('#bounce-heading')!.parentElement!;
    expect(textOf(bounce)).toContain('Status 550 5.7.26 Gmail refused it because example.com’s DMARC failed.');
    expect(textOf(bounce)).toContain('Remote server mx.google.com');
    expect(textOf(bounce)).toContain('Diagnostic 550 5.7.26 Unauthenticated email');
    expect(bounce.querySelector('ul[aria-label="Lookups for this bounce"] a')?.getAttribute('href')).toContain('q=example.com');
  });

  it('says in a sentence when the text is not a message, and when explaining failed', async () => {
    const { root } = await explained();
    void root;
    unmountAll();
    const p = platform(async () => {
      throw new NotAMessage('This does not look like a message, a header block or a bounce: no header field, no SMTP status.');
    });
    const page = mount(h(MessageApp, { platform: p.value }));
    typeMessage(page, 'hello there');
    await submit(page);
    expect(textOf(page.querySelector('[role="alert"]'))).toBe(
      'This does not look like a message, a header block or a bounce: no header field, no SMTP status.',
    );
    expect(page.querySelector('[aria-label="Verdict"]')).toBeNull();
  });

  it('shows progress while verifying: the signatures counted', async () => {
    let finish: (value: MessageExplanation) => void = () => undefined;
    const p = platform(() => new Promise((resolve) => (finish = resolve)));
    const root = mount(h(MessageApp, { platform: p.value }));
    typeMessage(root, 'DKIM-Signature: v=1; d=a.example\r\nDKIM-Signature: v=1; d=b.example\r\nFrom: x@a.example\r\n\r\nDKIM-Signature: in the body\r\n');
    await submit(root);
    expect(textOf(root.querySelector('[role="status"]'))).toBe('Checking 2 signatures, SPF and DMARC…');
    await act(async () => finish(sampleExplanation()));
    await flush();
    expect(textOf(root.querySelector('[role="status"]'))).toBe('');
    expect(progressWords('Subject: x\r\n\r\n')).toBe('Reading the message, checking SPF and DMARC…');
  });

  it('keeps nothing on its own; "Keep this explanation" keeps the verdict, kind, domains and time only; Clear empties the list', async () => {
    const { root, p } = await explained();
    expect(p.kept()).toEqual([]);
    const keep = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Keep this explanation')!;
    act(() => keep.click());
    await flush();
    const [entry] = p.kept();
    expect(Object.keys(entry!).sort()).toEqual(['at', 'domains', 'verdict', 'verdictKind']);
    expect(entry!.domains).toEqual(['example.com', 'example.org', 'evil<script>.example']);
    expect(JSON.stringify(p.kept())).not.toContain('Invoice');
    const list = root.querySelector('ul[aria-label="Kept explanations"]')!;
    expect(textOf(list)).toContain('Not authenticated');
    const clear = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Clear')!;
    act(() => clear.click());
    await flush();
    expect(p.kept()).toEqual([]);
    expect(root.querySelector('ul[aria-label="Kept explanations"]')).toBeNull();
  });

  it('"Keep this explanation" refused (storage full): the sentence shows, the explanation stays, nothing crashes', async () => {
    const p = platform();
    p.value.kept.keep = async () => Promise.reject(new Error('Not kept: storage is full. Free some disk space, then keep it again.'));
    const root = mount(h(MessageApp, { platform: p.value }));
    typeMessage(root, 'From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n');
    await submit(root);
    const keep = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Keep this explanation')!;
    act(() => keep.click());
    await flush();
    expect(textOf(root.querySelector('[role="alert"]'))).toBe('Not kept: storage is full. Free some disk space, then keep it again.');
    expect(keep.disabled).toBe(false);
    expect(root.querySelector('.explanation')).not.toBeNull();
  });

  it('takes a file dropped anywhere on the page, as bytes (8-bit kept), and explains it on Explain', async () => {
    const p = platform();
    const root = mount(h(MessageApp, { platform: p.value }));
    const bytes = new Uint8Array([...new TextEncoder().encode('Subject: caf'), 0xe9, 0x0d, 0x0a, 0x0d, 0x0a]);
    const file = new File([bytes], 'bounce <b>.eml', { type: 'message/rfc822' });
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file], types: ['Files'] } });
    act(() => void document.body.dispatchEvent(drop));
    await flush();
    await flush();
    expect(textOf(root.querySelector('.file-line'))).toContain('File bounce <b>.eml (17 bytes). Explain reads this file.');
    await submit(root);
    const input: ByteString = p.spy.mock.calls[0]![0];
    expect(input).toBe('Subject: caf\xe9\r\n\r\n');
  });

  it('explains a selection handed over by the context menu at once', async () => {
    const p = platform();
    const root = mount(h(MessageApp, { platform: p.value, handed: Promise.resolve('Received: from a by b\nFrom: x@example.com\n') }));
    await flush();
    await flush();
    expect(p.spy).toHaveBeenCalledTimes(1);
    expect(root.querySelector('textarea')!.value).toBe('Received: from a by b\nFrom: x@example.com\n');
    expect(root.querySelector('[aria-label="Verdict"]')).not.toBeNull();
  });
});
