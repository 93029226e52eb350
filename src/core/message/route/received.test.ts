import { describe, expect, it } from 'vitest';
import { parseReceived } from './received';

// Re-typed shapes of real Received fields (unfolded, as readMessage gives them), with
// documentation addresses and example names.
const at = (iso: string) => Date.parse(iso);

describe('parseReceived: what each MTA writes', () => {
  it('reads Postfix with TLS (the cipher comment has a comment inside)', () => {
    const received = parseReceived(
      'from mail.example.com (mail.example.com [203.0.113.9]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256) (No client certificate requested) by mx.example.net (Postfix) with ESMTPS id 4XyZ1k2Lmnz9sT for <bob@example.net>; Mon,  7 Dec 2026 13:05:00 +0100 (CET)',
    );
    expect(received).toEqual({
      from: 'mail.example.com',
      helo: 'mail.example.com',
      ip: '203.0.113.9',
      by: 'mx.example.net',
      with: 'ESMTPS',
      id: '4XyZ1k2Lmnz9sT',
      for: 'bob@example.net',
      tls: true,
      at: at('2026-12-07T12:05:00Z'),
      dated: true,
    });
  });

  it('reads Postfix with an unknown reverse name and an IPv6 literal', () => {
    const received = parseReceived(
      'from helo.example.org (unknown [IPv6:2001:DB8:0:0::25]) by mx.example.net (Postfix) with ESMTP id 4Xy; Mon, 7 Dec 2026 13:05:00 +0000',
    );
    expect(received).toMatchObject({ from: 'helo.example.org', helo: 'helo.example.org', ip: '2001:db8::25', with: 'ESMTP', tls: false });
  });

  it('reads Postfix handing over locally (no from clause)', () => {
    const received = parseReceived('by mx.example.net (Postfix, from userid 1000) id 4XyZ1; Mon, 7 Dec 2026 13:05:00 +0000 (UTC)');
    expect(received).toMatchObject({ from: null, ip: null, by: 'mx.example.net', with: null, id: '4XyZ1', tls: null, at: at('2026-12-07T13:05:00Z') });
  });

  it('reads Exim: the reverse name first, the HELO name and port in the comment, TLS after the protocol', () => {
    const received = parseReceived(
      'from mail.example.com ([203.0.113.9]:51234 helo=smtp.example.com) by mx.example.net with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.97) (envelope-from <alice@example.com>) id 1tXyZa-000AbC-1q for bob@example.net; Mon, 07 Dec 2026 13:05:00 +0000',
    );
    expect(received).toMatchObject({
      from: 'mail.example.com',
      helo: 'smtp.example.com',
      ip: '203.0.113.9',
      by: 'mx.example.net',
      with: 'esmtps',
      id: '1tXyZa-000AbC-1q',
      for: 'bob@example.net',
      tls: true,
    });
  });

  it('reads Exim for an address without a name, and a literal HELO', () => {
    const received = parseReceived(
      'from [198.51.100.7] (port=40312 helo=[198.51.100.7]) by mx.example.net with esmtp (Exim 4.96) id 1tXyZb; Mon, 07 Dec 2026 13:05:00 +0000',
    );
    expect(received).toMatchObject({ from: '[198.51.100.7]', helo: '[198.51.100.7]', ip: '198.51.100.7', with: 'esmtp', tls: false });
  });

  it('reads Exim local delivery as "cannot tell" for TLS', () => {
    expect(parseReceived('from bob by host.example.net with local (Exim 4.96) id 1tXyZc; Mon, 07 Dec 2026 13:05:00 +0000').tls).toBeNull();
  });

  it('reads Microsoft 365: bare IPv6 addresses in the comments, the TLS version in the protocol comment', () => {
    const received = parseReceived(
      'from AM0PR02MB5555.eurprd02.prod.outlook.com (2603:10a6:208:12::34) by DB9PR02MB7777.eurprd02.prod.outlook.com (2603:10a6:10:2ab::15) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8207.7; Mon, 7 Dec 2026 13:05:00 +0000',
    );
    expect(received).toMatchObject({
      from: 'AM0PR02MB5555.eurprd02.prod.outlook.com',
      ip: '2603:10a6:208:12::34',
      by: 'DB9PR02MB7777.eurprd02.prod.outlook.com',
      with: 'Microsoft SMTP Server',
      id: '15.20.8207.7',
      tls: true,
      at: at('2026-12-07T13:05:00Z'),
    });
  });

  it('reads Microsoft 365 inbound from the internet, "via Frontend Transport" after the id', () => {
    const received = parseReceived(
      'from mail.example.com (203.0.113.9) by AM4PEPF00027A5F.mail.protection.outlook.com (10.167.16.73) with Microsoft SMTP Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8207.7 via Frontend Transport; Mon, 7 Dec 2026 13:05:00 +0000',
    );
    expect(received).toMatchObject({ ip: '203.0.113.9', by: 'AM4PEPF00027A5F.mail.protection.outlook.com', id: '15.20.8207.7', tls: true });
  });

  it('reads an Exchange hop inside one server (no TLS comment) as "cannot tell"', () => {
    const received = parseReceived(
      'from DB9PR02MB7777.eurprd02.prod.outlook.com ([fe80::1234:5678:9abc:def0]) by DB9PR02MB7777.eurprd02.prod.outlook.com ([fe80::1234:5678:9abc:def0%5]) with mapi id 15.20.8207.7; Mon, 7 Dec 2026 13:05:00 +0000',
    );
    expect(received).toMatchObject({ ip: 'fe80::1234:5678:9abc:def0', with: 'mapi', tls: null });
  });

  it('reads Gmail: the reverse name with its trailing dot, SMTPS, and a PDT comment', () => {
    const received = parseReceived(
      'from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id a640c23a62f3a-aa6b1c2d3e4f5sor1234567.66.2026.12.07.05.05.00 for <bob@example.net> (Google Transport Security); Mon, 07 Dec 2026 05:05:00 -0800 (PST)',
    );
    expect(received).toMatchObject({
      from: 'mail-sor-f41.google.com',
      ip: '209.85.220.41',
      by: 'mx.google.com',
      with: 'SMTPS',
      for: 'bob@example.net',
      tls: true,
      at: at('2026-12-07T13:05:00Z'),
    });
  });

  it('reads a Gmail internal hop whose "by" is an IPv6 address', () => {
    const received = parseReceived(
      'by 2002:a05:6402:1234:b0:5d0:abcd:ef01 with SMTP id 4fb4d7f45d1cf-5d0abcdef01csp123456; Mon, 7 Dec 2026 05:05:01 -0800 (PST)',
    );
    expect(received).toMatchObject({ from: null, by: '2002:a05:6402:1234:b0:5d0:abcd:ef01', with: 'SMTP', tls: false });
  });

  it('reads Sendmail with a "may be forged" comment inside the from comment, and its TLS comment', () => {
    const received = parseReceived(
      'from relay.example.org (host-7.example.org [198.51.100.7] (may be forged)) by mx.example.net (8.18.1/8.18.1) with ESMTPS id 4B7D5abc012345 (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT) for <bob@example.net>; Mon, 7 Dec 2026 08:05:00 -0500',
    );
    expect(received).toMatchObject({
      from: 'relay.example.org',
      helo: 'relay.example.org',
      ip: '198.51.100.7',
      by: 'mx.example.net',
      id: '4B7D5abc012345',
      tls: true,
      at: at('2026-12-07T13:05:00Z'),
    });
  });

  it('reads an older Sendmail: ESMTP with a TLS comment is TLS', () => {
    expect(
      parseReceived(
        'from a.example.org (a.example.org [198.51.100.8]) by mx.example.net (8.14.4/8.14.4) with ESMTP id x1 (version=TLSv1/SSLv3 cipher=DHE-RSA-AES256-SHA bits=256 verify=NO); Mon, 7 Dec 2026 13:05:00 +0000',
      ).tls,
    ).toBe(true);
  });

  it('reads qmail: "(HELO name)" and the address in a comment of its own', () => {
    const received = parseReceived('from unknown (HELO mail.example.com) (203.0.113.9) by mx.example.net with SMTP; 7 Dec 2026 13:05:00 -0000');
    expect(received).toMatchObject({
      from: 'unknown',
      helo: 'mail.example.com',
      ip: '203.0.113.9',
      by: 'mx.example.net',
      with: 'SMTP',
      tls: false,
      at: at('2026-12-07T13:05:00Z'),
    });
  });

  it('reads qmail\'s local lines ("invoked by uid", "invoked from network"): only a date', () => {
    expect(parseReceived('(qmail 12345 invoked by uid 89); 7 Dec 2026 13:05:00 -0000')).toMatchObject({
      from: null,
      by: null,
      ip: null,
      with: null,
      at: at('2026-12-07T13:05:00Z'),
    });
    expect(parseReceived('(qmail 12346 invoked from network); 7 Dec 2026 13:05:00 -0000')).toMatchObject({ from: null, by: null, tls: null });
  });

  it('reads a webmail submission over HTTPS as TLS and HTTP as "cannot tell"', () => {
    expect(parseReceived('from [192.0.2.44] by webmail.example.com with HTTPS; Mon, 7 Dec 2026 13:05:00 +0000').tls).toBe(true);
    expect(parseReceived('from [192.0.2.44] by webmail.example.com with HTTP; Mon, 7 Dec 2026 13:05:00 +0000').tls).toBeNull();
  });

  it('reads authenticated submission words (RFC 3848)', () => {
    expect(parseReceived('from laptop (unknown [192.0.2.44]) by smtp.example.com with ESMTPSA id x; Mon, 7 Dec 2026 13:05:00 +0000').tls).toBe(true);
    expect(parseReceived('from laptop (unknown [192.0.2.44]) by smtp.example.com with ESMTPA id x; Mon, 7 Dec 2026 13:05:00 +0000').tls).toBe(false);
    expect(parseReceived('from laptop (unknown [192.0.2.44]) by smtp.example.com with UTF8SMTPS id x; Mon, 7 Dec 2026 13:05:00 +0000').tls).toBe(true);
    expect(parseReceived('from a (b [192.0.2.44]) by c with LMTP id x; Mon, 7 Dec 2026 13:05:00 +0000').tls).toBeNull();
  });
});

describe('parseReceived: odd and broken fields', () => {
  it('does not take a ";" inside a comment or a quoted string for the date separator', () => {
    const received = parseReceived('from a.example (a.example [192.0.2.1]; note) by b.example with SMTP id "x;y"; Mon, 7 Dec 2026 13:05:00 +0000');
    expect(received).toMatchObject({ ip: '192.0.2.1', id: 'x;y', at: at('2026-12-07T13:05:00Z') });
  });

  it('has no time without a date, and says whether one was written', () => {
    expect(parseReceived('from a by b with SMTP')).toMatchObject({ at: null, dated: false, with: 'SMTP' });
    expect(parseReceived('from a by b with SMTP; yesterday')).toMatchObject({ at: null, dated: true });
  });

  it('reads garbage to nulls', () => {
    expect(parseReceived('))) (( [[ ;;; <<>> "')).toMatchObject({ from: null, by: null, ip: null, with: null, tls: null, at: null });
    expect(parseReceived('')).toMatchObject({ from: null, at: null, dated: false });
  });

  it('takes the first of two from clauses', () => {
    expect(parseReceived('from a.example (a [192.0.2.1]) from b.example (b [192.0.2.2]) by c; Mon, 7 Dec 2026 13:05:00 +0000')).toMatchObject({
      from: 'a.example',
      ip: '192.0.2.1',
    });
  });

  it("ignores the receiving side's own address in the by comment", () => {
    expect(parseReceived('from a.example (a.example) by mx.example.net ([198.51.100.1]) with ESMTP; Mon, 7 Dec 2026 13:05:00 +0000').ip).toBeNull();
  });

  it('reads the date of a field longer than the cap from its end', () => {
    const long = `from a.example (a.example [192.0.2.1]) by b.example (${'x'.repeat(10_000)}); Mon, 7 Dec 2026 13:05:00 +0000`;
    expect(parseReceived(long)).toMatchObject({ ip: '192.0.2.1', at: at('2026-12-07T13:05:00Z') });
  });

  it('finishes fast on a 1 MB hostile field', () => {
    for (const hostile of [
      '('.repeat(1 << 20),
      '(a [' + 'a('.repeat(1 << 19),
      'from ' + 'x '.repeat(1 << 19),
      '"\\'.repeat(1 << 19),
      'helo='.repeat(1 << 18),
    ]) {
      const started = performance.now();
      parseReceived(hostile);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
});
