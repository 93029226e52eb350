import { describe, expect, it } from 'vitest';
import { newDkimSection, probeDkim } from '../../core/mail/dkim';
import { RSA_2048_SPKI, RSA_512_SPKI } from '../../core/mail/dkim/testing/test-keys';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { formatDkim } from './format-dkim';

async function lines(records: FakeRecords, extra: string[] = []) {
  const section = newDkimSection();
  await probeDkim(section, { domain: 'example.com', ask: fakeAsk(records).ask }, extra);
  return formatDkim(section);
}

describe('formatDkim', () => {
  it('prints each key with its size, then the selectors tried', async () => {
    const out = await lines({ 'google._domainkey.example.com TXT': [`p=${RSA_2048_SPKI}`], 's1._domainkey.example.com TXT': [`t=y; p=${RSA_512_SPKI}`] });
    expect(out.slice(0, 3)).toEqual(['2 of 30 selectors tried have keys.', 'google  2048-bit RSA', 's1      512-bit RSA  (testing (t=y))']);
    expect(out[3]).toMatch(/^tried: google selector1 selector2 /);
  });

  it('says while looking, and lists what was not a selector, escaped', async () => {
    expect(formatDkim(newDkimSection())).toEqual(['looking for DKIM keys…']);
    expect((await lines({}, ['bad\u001b[2J'])).at(-1)).toBe('not selectors, not asked: bad\\u001b[2J');
  });

  it('escapes control characters in key notes', async () => {
    const out = await lines({ 'google._domainkey.example.com TXT': [`n=\u001b[31mhi; p=${RSA_2048_SPKI}`] });
    expect(out[1]).toBe('google  2048-bit RSA  (n=\\u001b[31mhi)');
  });

  it('says what _domainkey tells when no selector tried has a key', async () => {
    expect((await lines({}))[1]).toBe('No key under any selector: _domainkey.example.com does not exist (NXDOMAIN), so nothing below it does.');
    expect((await lines({ '_domainkey.example.com TXT': [] }))[1]).toBe(
      'Keys exist under selectors not tried: _domainkey.example.com exists with no record of its own (NOERROR, no data).',
    );
  });
});
