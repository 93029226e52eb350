import { describe, expect, it } from 'vitest';
import { byteString } from '../parse/byte-string';
import { readMessage } from '../parse/read-message';
import { connectingIp } from './connecting-ip';
import { buildHops } from './hops';

const explain = (...fields: string[]) => {
  const message = readMessage(byteString(`${fields.join('\r\n')}\r\nFrom: a@example.com\r\n\r\n`));
  return connectingIp(message, buildHops(message).hops);
};

const INBOUND =
  'Received: from mail.example.com (mail.example.com [203.0.113.9]) by mx.example.net (Postfix) with ESMTPS id A1; Mon, 7 Dec 2026 13:05:30 +0000';
const INTERNAL = 'Received: from filter.example.net (localhost [127.0.0.1]) by store.example.net (Postfix) with ESMTP id A2; Mon, 7 Dec 2026 13:05:31 +0000';
const SUBMISSION = 'Received: from laptop (unknown [192.168.1.20]) by mail.example.com (Postfix) with ESMTPSA id B2; Mon, 7 Dec 2026 13:05:00 +0000';

describe('connectingIp: the address the receiving side saw', () => {
  it('takes Received-SPF client-ip first, with its helo', () => {
    expect(
      explain('Received-SPF: pass client-ip=198.51.100.5; helo=out.example.com', 'Authentication-Results: mx; spf=pass smtp.remote-ip=192.0.2.77', INBOUND),
    ).toEqual({
      ip: '198.51.100.5',
      source: 'Received-SPF client-ip',
      helo: 'out.example.com',
    });
  });

  it('canonicalises the address', () => {
    expect(explain('Received-SPF: pass client-ip=2001:DB8:0::1')?.ip).toBe('2001:db8::1');
  });

  it('takes Authentication-Results smtp.remote-ip next, with smtp.helo', () => {
    expect(explain('Authentication-Results: mx; iprev=pass smtp.remote-ip=192.0.2.77; spf=pass smtp.helo=out.example.com', INBOUND)).toEqual({
      ip: '192.0.2.77',
      source: 'Authentication-Results smtp.remote-ip',
      helo: 'out.example.com',
    });
  });

  it('reads Microsoft\'s "sender IP is" and takes the HELO from the Received line with that address', () => {
    expect(explain('Authentication-Results: spf=pass (sender IP is 203.0.113.9) smtp.mailfrom=example.com; dkim=none', INBOUND)).toEqual({
      ip: '203.0.113.9',
      source: 'Authentication-Results "sender IP is"',
      helo: 'mail.example.com',
    });
  });

  it('otherwise takes the topmost Received line with an address from outside', () => {
    expect(explain(INTERNAL, INBOUND, SUBMISSION)).toEqual({ ip: '203.0.113.9', source: 'Received (hop 2, by mx.example.net)', helo: 'mail.example.com' });
  });

  it('counts documentation addresses as public (they stand for public ones)', () => {
    expect(explain('Received: from a.example (a.example [2001:db8::25]) by b.example with ESMTPS; Mon, 7 Dec 2026 13:05:00 +0000')?.ip).toBe('2001:db8::25');
  });

  it('skips private, loopback, link-local, CGNAT, unique-local and unspecified addresses', () => {
    const internal = [
      '10.1.2.3',
      '172.16.0.1',
      '192.168.0.1',
      '127.0.0.1',
      '169.254.1.1',
      '100.64.0.1',
      'IPv6:::1',
      'IPv6:fe80::1',
      'IPv6:fd00::1',
      '0.0.0.0',
    ].map((ip) => `Received: from a (a [${ip}]) by b with ESMTP; Mon, 7 Dec 2026 13:05:00 +0000`);
    expect(explain(...internal)).toBeNull();
  });

  it('skips a Received-SPF client-ip that is no address', () => {
    expect(explain('Received-SPF: pass client-ip=nonsense', INBOUND)?.source).toBe('Received (hop 1, by mx.example.net)');
  });

  it('is null with nothing to go on', () => {
    expect(explain('Subject: hi')).toBeNull();
  });
});
