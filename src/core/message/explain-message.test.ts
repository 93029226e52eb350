import { describe, expect, it } from 'vitest';
import { fakeAsk } from '../mail/testing/fake-ask';
import { explainMessage, NotAMessage } from './explain-message';

const now = () => Date.UTC(2026, 11, 7);

describe('explainMessage', () => {
  it('refuses text that is no message, header block or bounce with a sentence', async () => {
    const { ask } = fakeAsk({});
    await expect(explainMessage('hello there, how are you', { ask, now })).rejects.toThrow(NotAMessage);
    await expect(explainMessage('   ', { ask, now })).rejects.toThrow(/nothing to explain/);
  });

  it('asks no new question once the caller has given up', async () => {
    const { ask, asked } = fakeAsk({});
    const controller = new AbortController();
    controller.abort();
    const explanation = await explainMessage('From: a@example.com\r\nDKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=x; b=y\r\n', {
      ask,
      now,
      signal: controller.signal,
    });
    expect(asked).toEqual([]);
    expect(explanation.from).toBe('example.com');
  });

  it('explains a lone SMTP error line without asking DNS', async () => {
    const { ask, asked } = fakeAsk({});
    const explanation = await explainMessage('550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown', { ask, now });
    expect(explanation).toMatchObject({ verdictKind: 'bounced', hops: [], dkim: [], spf: null, bounce: { status: '5.1.1' } });
    expect(explanation.verdict).toMatch(/^Bounced: 5\.1\.1/);
    expect(asked).toEqual([]);
  });

  it('reads a header block: the route, the claims, SPF for the connecting address, DMARC', async () => {
    const header = [
      'Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=example.com; dkim=none; dmarc=pass header.from=example.com',
      'Received: from mail.example.com (mail.example.com [203.0.113.5]) by mx.example.net with ESMTPS id 1; Mon, 7 Dec 2026 10:00:05 +0000',
      'Received: from laptop (unknown [10.0.0.2]) by mail.example.com with ESMTPSA id 2; Mon, 7 Dec 2026 10:00:00 +0000',
      'Return-Path: <bounce@example.com>',
      'From: Ann <ann@example.com>',
      'Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=',
      '',
    ].join('\r\n');
    const { ask, asked } = fakeAsk({
      'example.com TXT': ['v=spf1 ip4:203.0.113.0/24 -all'],
      '_dmarc.example.com TXT': ['v=DMARC1; p=reject'],
      'example.com MX': ['mx.example.com'],
    });
    const explanation = await explainMessage(header, { ask, now });
    expect(explanation).toMatchObject({
      verdictKind: 'authenticated',
      from: 'example.com',
      subject: 'Grüße',
      spf: { ip: '203.0.113.5', result: 'pass', domain: 'example.com', mailFrom: 'bounce@example.com' },
      dmarc: { result: 'pass', policy: 'reject', alignment: { dkim: null, spf: 'example.com' } },
      receiverSaid: { spf: 'pass', dmarc: 'pass' },
      bodyGiven: false,
    });
    expect(explanation.hops.map((hop) => [hop.by, hop.tls, hop.delaySeconds])).toEqual([
      ['mail.example.com', true, null],
      ['mx.example.net', true, 5],
    ]);
    // Every question is known from the header: all asked at once (no answer waited for first).
    expect(asked).toEqual(expect.arrayContaining(['_dmarc.example.com TXT', '_dmarc.com TXT', 'example.com MX', 'example.com TXT']));
  });
});
