import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readMessage } from '../parse/read-message';
import { gatherSources } from './bounce-sources';
import { explainBounce, readBounce } from './read-bounce';
import * as samples from './testing/bounce-samples';

const byteText = fc.uint8Array({ maxLength: 2000 }).map((bytes) => String.fromCharCode(...bytes));
const bounceHead = 'From: MAILER-DAEMON@example.com\r\nSubject: Undelivered Mail Returned to Sender\r\nContent-Type: multipart/report; boundary=b\r\n\r\n';

describe('readBounce on hostile input', () => {
  it('never throws on arbitrary strings and bytes, with or without the message read', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), byteText), (text) => {
        // gatherSources has no safety net of its own: a throw here is a bug readBounce would hide.
        expect(() => gatherSources(text, null)).not.toThrow();
        expect(() => gatherSources(bounceHead + text, readMessage(bounceHead + text))).not.toThrow();
        expect(() => readBounce(text, null)).not.toThrow();
        expect(() => explainBounce(text, readMessage(text))).not.toThrow();
        expect(() => readBounce(bounceHead + text, null)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on a real bounce cut or spliced at any point', () => {
    const all = Object.values(samples);
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.nat(), fc.nat(), fc.string({ maxLength: 200 }), (sample, a, b, noise) => {
        const cut = sample.slice(0, a % (sample.length + 1)) + noise + sample.slice(b % (sample.length + 1));
        expect(() => readBounce(cut, readMessage(cut))).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every length bounded', () => {
    const huge = '550 5.7.1 ' + 'x'.repeat(100_000) + '\n';
    const bounce = explainBounce(huge, null);
    expect(bounce?.diagnostic?.length).toBeLessThanOrEqual(1000);
  });

  it('finishes fast on 1 MB of garbage and on a 5 MB single line', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
    const garbage = Array.from({ length: 1024 * 1024 }, () => String.fromCharCode(random())).join('');
    const cases = [
      garbage,
      bounceHead + garbage,
      'x'.repeat(5 * 1024 * 1024),
      '550-5.7.1 ' + ' '.repeat(5 * 1024 * 1024) + 'x',
      bounceHead + '--b\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' + ' \t'.repeat(2 * 1024 * 1024) + '=',
      bounceHead + '--b' + ' '.repeat(5 * 1024 * 1024) + 'x',
      'From: MAILER-DAEMON@example.com\r\n\r\n' + 'host ' + 'a'.repeat(5 * 1024 * 1024),
      samples.POSTFIX_DSN.replace('This is the mail system', 'a@'.repeat(2 * 1024 * 1024)),
    ];
    for (const input of cases) {
      const started = performance.now();
      readBounce(input, readMessage(input));
      readBounce(input, null);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });
});
