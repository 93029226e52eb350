import { sealMessage } from 'mailauth/lib/arc/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeAsk } from '../../mail/testing/fake-ask';
import { ed25519Key, rsaKey, type TestKey } from '../dkim/testing/test-keys';
import { readMessage } from '../parse/read-message';
import { verifyArc } from './verify-arc';

const CRLF = '\r\n';
const SEALED_AT = Date.UTC(2026, 0, 5, 12);
const now = () => SEALED_AT + 60_000;

const MESSAGE = [
  'From: Joe <joe@example.com>',
  'To: list@lists.example.org',
  'Subject: Is dinner ready?',
  'Date: Mon, 05 Jan 2026 12:00:00 +0000',
  'Message-ID: <1@example.com>',
  '',
  'Hi.',
  '',
].join(CRLF);

let listKey: TestKey;
let forwarderKey: TestKey;
let records: Record<string, string[]>;
beforeAll(async () => {
  [listKey, forwarderKey] = await Promise.all([rsaKey(2048), ed25519Key()]);
  records = { 'arc._domainkey.lists.example.org TXT': [listKey.record], 'fwd._domainkey.forwarder.example.net TXT': [forwarderKey.record] };
});

/** Seal with mailauth (an independent implementation): the new ARC set on top of the message. */
async function seal(message: string, key: TestKey, domain: string, selector: string, cv: string, authResults: string): Promise<string> {
  const headers = await sealMessage(message, { signingDomain: domain, selector, privateKey: key.pem, cv, authResults, signTime: new Date(SEALED_AT) });
  expect(headers.length).toBeGreaterThan(0);
  return headers.toString('binary') + message;
}

async function twoSets(): Promise<string> {
  const first = await seal(MESSAGE, listKey, 'lists.example.org', 'arc', 'none', 'mx.lists.example.org; spf=pass smtp.mailfrom=example.com');
  return seal(first, forwarderKey, 'forwarder.example.net', 'fwd', 'pass', 'mx.forwarder.example.net; arc=pass');
}

const verify = (text: string, answers = records) => verifyArc(readMessage(text), fakeAsk(answers).ask, { now });

describe('verifyArc, chains sealed by mailauth', () => {
  it('says none for a message without ARC', async () => {
    expect(await verify(MESSAGE)).toEqual({ chain: 'none', sets: [], reason: 'The message has no ARC sets.' });
  });

  it('passes a chain of two sets (RSA, then Ed25519) and lists each sealer', async () => {
    const result = await verify(await twoSets());
    expect(result.chain).toBe('pass');
    expect(result.sets).toEqual([
      expect.objectContaining({ instance: 1, cv: 'none', sealDomain: 'lists.example.org', sealResult: 'pass', signatureResult: 'pass', claims: null }),
      expect.objectContaining({ instance: 2, cv: 'pass', sealDomain: 'forwarder.example.net', sealResult: 'pass', signatureResult: 'pass', claims: null }),
    ]);
    expect(result.reason).toMatch(/sealed by lists.example.org, then forwarder.example.net/);
  });

  it('fails when the body was changed after the last seal (newest AMS body hash)', async () => {
    const result = await verify((await twoSets()).replace('Hi.', 'Bye.'));
    expect(result.chain).toBe('fail');
    expect(result.reason).toMatch(/newest ARC-Message-Signature \(instance 2\) does not verify: the body was changed after forwarder.example.net signed it/);
  });

  it('fails when an earlier ARC-Authentication-Results was changed (the seals cover it)', async () => {
    const result = await verify((await twoSets()).replace('spf=pass smtp.mailfrom', 'spf=fail smtp.mailfrom'));
    expect(result.chain).toBe('fail');
    expect(result.sets.map((set) => set.sealResult)).toEqual(['fail', 'fail']);
    expect(result.reason).toMatch(/ARC-Seal of instance 2 does not verify/);
  });

  it('passes the seals but says the body was not checked for a header block alone', async () => {
    const result = await verify((await twoSets()).split(`${CRLF}${CRLF}`)[0]!);
    expect(result.chain).toBe('pass');
    expect(result.sets[1]!.signatureResult).toBe('neutral');
    expect(result.reason).toMatch(/body was not given/);
  });

  it('fails a chain whose key lookup fails, with the reason', async () => {
    const result = await verify(await twoSets(), { ...records, 'fwd._domainkey.forwarder.example.net TXT': 'servfail' } as never);
    expect(result.chain).toBe('fail');
    expect(result.sets[1]!.sealResult).toBe('temperror');
    expect(result.reason).toMatch(/could not be checked now: the key at fwd._domainkey.forwarder.example.net could not be looked up/);
  });

  it('fails a chain with a missing ARC-Seal, a gap, or a wrong cv= (RFC 8617 §5.1.1)', async () => {
    const text = await twoSets();
    const withoutSeal = text.replace(/^ARC-Seal: i=1;[^]*?\r\n(?=ARC-|[A-Z])/m, '');
    expect((await verify(withoutSeal)).reason).toMatch(/Instance 1 has no ARC-Seal/);
    const gap = text.replace(/i=1;/g, 'i=3;');
    expect((await verify(gap)).reason).toMatch(/gap: instance 1 is missing/);
    const one = await seal(MESSAGE, listKey, 'lists.example.org', 'arc', 'pass', 'mx.lists.example.org; spf=pass');
    expect((await verify(one)).reason).toMatch(/Instance 1 has cv=pass, but RFC 8617 §5.1.1 wants none/);
  });

  it('fails a chain where a sealer recorded cv=fail', async () => {
    const first = await seal(MESSAGE, listKey, 'lists.example.org', 'arc', 'none', 'mx.lists.example.org; spf=pass');
    const second = await seal(first, forwarderKey, 'forwarder.example.net', 'fwd', 'fail', 'mx.forwarder.example.net; arc=fail');
    const result = await verify(second);
    expect(result.chain).toBe('fail');
    expect(result.reason).toMatch(/forwarder.example.net \(instance 2\) recorded cv=fail/);
    expect(result.sets).toHaveLength(2);
  });

  it('reads at most 50 sets and fails a longer chain, saying so', async () => {
    const sets: string[] = [];
    for (let i = 60; i >= 1; i--) {
      sets.push(`ARC-Seal: i=${i}; a=rsa-sha256; cv=${i === 1 ? 'none' : 'pass'}; d=x.example; s=s; b=YWJj`);
      sets.push(`ARC-Message-Signature: i=${i}; a=rsa-sha256; d=x.example; s=s; h=from; bh=YWJj; b=YWJj`);
      sets.push(`ARC-Authentication-Results: i=${i}; x.example; spf=pass`);
    }
    const fake = fakeAsk({});
    const result = await verifyArc(readMessage([...sets, MESSAGE].join(CRLF)), fake.ask, { now });
    expect(result.chain).toBe('fail');
    expect(result.sets).toHaveLength(50);
    expect(result.reason).toMatch(/MXray read the first 50/);
    expect(fake.asked).toEqual([]);
  });

  it('never throws on junk ARC fields', async () => {
    const junk = `ARC-Seal: \xff;;=;${CRLF}ARC-Message-Signature: i=1${CRLF}ARC-Authentication-Results: nope${CRLF}${MESSAGE}`;
    const result = await verify(junk);
    expect(result.chain).toBe('fail');
  });
});
