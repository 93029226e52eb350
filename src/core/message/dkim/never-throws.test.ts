import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeAsk } from '../../mail/testing/fake-ask';
import { verifyArc } from '../arc/verify-arc';
import { readMessage } from '../parse/read-message';
import { verifyDkimSignatures } from './verify-dkim';

const ask = fakeAsk({
  'a._domainkey.example.com TXT': ['v=DKIM1; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ'],
  'b._domainkey.example.com TXT': ['v=DKIM1; k=ed25519; p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  'c._domainkey.example.com TXT': 'servfail',
}).ask;

const tag = fc.constantFrom(
  'v=1',
  'a=rsa-sha256',
  'a=ed25519-sha256',
  'd=example.com',
  's=a',
  's=b',
  's=c',
  'h=from',
  'bh=YWJj',
  'b=YWJj',
  'i=1',
  'cv=none',
  'l=5',
  'x=1',
  '=',
  ';',
  ' ',
  '\r\n ',
  '\xff',
);
const value = fc.array(fc.oneof(tag, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((parts) => parts.join('; '));
const name = fc.constantFrom('DKIM-Signature', 'ARC-Seal', 'ARC-Message-Signature', 'ARC-Authentication-Results', 'From');

describe('DKIM and ARC verification never throw', () => {
  it('on arbitrary signature fields', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, value), { maxLength: 6 }), fc.option(fc.string(), { nil: null }), async (fields, body) => {
        const message = readMessage(fields.map(([field, text]) => `${field}: ${text}`).join('\r\n') + (body === null ? '' : `\r\n\r\n${body}`));
        const dkim = await verifyDkimSignatures(message, ask, { now: () => 0 });
        expect(dkim).toHaveLength(message.headers.filter((field) => field.key === 'dkim-signature').length);
        const arc = await verifyArc(message, ask, { now: () => 0 });
        expect(['none', 'pass', 'fail']).toContain(arc.chain);
      }),
      { numRuns: 200 },
    );
  });
});
