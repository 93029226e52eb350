import { describe, expect, it } from 'vitest';
import { newBimiSection, probeBimi } from '../../core/mail/bimi';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { formatBimi } from './format-bimi';

async function lines(records: FakeRecords) {
  const section = newBimiSection();
  await probeBimi(section, { domain: 'example.com', ask: fakeAsk(records).ask });
  return formatBimi(section);
}

describe('formatBimi', () => {
  it('prints the record and what it points to', async () => {
    expect(await lines({ 'default._bimi.example.com TXT': ['v=BIMI1; l=https://example.com/logo.svg'] })).toEqual([
      'v=BIMI1; l=https://example.com/logo.svg',
      'Logo              https://example.com/logo.svg',
      'Mark certificate  none',
    ]);
  });

  it('says when there is none', async () => {
    expect(await lines({})).toEqual(['No BIMI record at default._bimi.example.com.']);
  });

  it('escapes control characters', async () => {
    expect((await lines({ 'default._bimi.example.com TXT': ['v=BIMI1; l=\u009b31m'] }))[0]).toBe('v=BIMI1; l=\\u009b31m');
  });
});
