/**
 * RFC 8463 Appendix A: the published Ed25519 and RSA signatures over one message, with their keys
 * (A.2). Re-typed from the RFC as reproduced in two independent test suites (mox, a Go DKIM
 * library), which agree byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { fakeAsk } from '../../mail/testing/fake-ask';
import { readMessage } from '../parse/read-message';
import { verifyDkimSignatures } from './verify-dkim';

const MESSAGE = [
  'DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;',
  ' d=football.example.com; i=@football.example.com;',
  ' q=dns/txt; s=brisbane; t=1528637909; h=from : to :',
  ' subject : date : message-id : from : subject : date;',
  ' bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;',
  ' b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus',
  ' Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==',
  'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;',
  ' d=football.example.com; i=@football.example.com;',
  ' q=dns/txt; s=test; t=1528637909; h=from : to : subject :',
  ' date : message-id : from : subject : date;',
  ' bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;',
  ' b=F45dVWDfMbQDGHJFlXUNB2HKfbCeLRyhDXgFpEL8GwpsRe0IeIixNTe3',
  ' DhCVlUrSjV4BwcVcOF6+FF3Zo9Rpo1tFOeS9mPYQTnGdaSGsgeefOsk2Jz',
  ' dA+L10TeYt9BgDfQNZtKdN1WO//KgIqXP7OdEFE4LjFYNcUxZQ4FADY+8=',
  'From: Joe SixPack <joe@football.example.com>',
  'To: Suzie Q <suzie@shopping.example.net>',
  'Subject: Is dinner ready?',
  'Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)',
  'Message-ID: <20030712040037.46341.5F8J@football.example.com>',
  '',
  'Hi.',
  '',
  'We lost the game.  Are you hungry yet?',
  '',
  'Joe.',
  '',
].join('\r\n');

const KEYS = {
  'brisbane._domainkey.football.example.com TXT': ['v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo='],
  'test._domainkey.football.example.com TXT': [
    'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWR' +
      'iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC' +
      'DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3' +
      'Ip3G+2kryOTIKT+l/K4w3QIDAQAB',
  ],
};

const now = () => Date.UTC(2026, 0, 1);

describe('RFC 8463 Appendix A', () => {
  it('verifies the published Ed25519 signature (brisbane._domainkey.football.example.com)', async () => {
    const [ed] = await verifyDkimSignatures(readMessage(MESSAGE), fakeAsk(KEYS).ask, { now });
    expect(ed).toMatchObject({ result: 'pass', algorithm: 'ed25519-sha256', selector: 'brisbane', domain: 'football.example.com', keyBits: 256 });
  });

  it('verifies the published RSA signature too (a 1024-bit key: the RFC 8301 floor, not under it)', async () => {
    const [, rsa] = await verifyDkimSignatures(readMessage(MESSAGE), fakeAsk(KEYS).ask, { now });
    expect(rsa).toMatchObject({ result: 'pass', algorithm: 'rsa-sha256', keyBits: 1024 });
  });

  it('fails both when the body or a signed header is changed', async () => {
    const changedBody = await verifyDkimSignatures(readMessage(MESSAGE.replace('hungry', 'Hungry')), fakeAsk(KEYS).ask, { now });
    expect(changedBody.map((result) => result.reason)).toEqual([
      'the body was changed after football.example.com signed it (body hash mismatch)',
      'the body was changed after football.example.com signed it (body hash mismatch)',
    ]);
    const changedHeader = await verifyDkimSignatures(readMessage(MESSAGE.replace('Subject: Is', 'Subject: Was')), fakeAsk(KEYS).ask, { now });
    expect(changedHeader.map((result) => [result.result, result.headerVerified])).toEqual([
      ['fail', false],
      ['fail', false],
    ]);
  });
});
