import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSendingIp } from './sending-ip';

const ipOf = (text: string) => {
  const result = parseSendingIp(text);
  return result.ok ? result.ip : result.error;
};

describe('the sending IP as people paste it', () => {
  it.each([
    ['203.0.113.5', '203.0.113.5'],
    ['  203.0.113.5\n', '203.0.113.5'],
    ['[203.0.113.5]', '203.0.113.5'],
    ['[IPv6:2001:DB8::5]', '2001:db8::5'],
    ['2001:0db8:0000::0005', '2001:db8::5'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::ffff:203.0.113.5', '203.0.113.5'],
    ['[::FFFF:203.0.113.5]', '203.0.113.5'],
    [
      'Received: from mail.example.com (mail.example.com [203.0.113.5]) by mx.example.net (Postfix) with ESMTPS id 4B; Tue, 2 Dec 2026 10:00:00 +0000',
      '203.0.113.5',
    ],
    ['from out.example.org (HELO out) (198.51.100.7) by mx.test', '198.51.100.7'],
  ])('%j -> %s', (text, ip) => {
    expect(ipOf(text)).toMatchObject({ ip });
  });

  it('says an IPv4-mapped address was mapped', () => {
    expect(parseSendingIp('::ffff:192.0.2.1')).toEqual({ ok: true, ip: { ip: '192.0.2.1', family: 4, mapped: true, given: '::ffff:192.0.2.1' } });
    expect(parseSendingIp('192.0.2.1')).toEqual({ ok: true, ip: { ip: '192.0.2.1', family: 4, mapped: false } });
  });

  it.each(['', '   ', 'mail.example.com', '999.1.1.1', '10:00:00', '203.0.113'])('%j is not an address, in a sentence', (text) => {
    const result = parseSendingIp(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/IP address/);
  });

  it('never throws and quotes at most 60 characters of what it could not read', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = parseSendingIp(text);
        return result.ok || result.error.length < 200;
      }),
    );
  });
});
