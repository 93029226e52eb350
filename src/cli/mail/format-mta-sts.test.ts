import { describe, expect, it } from 'vitest';
import { newMtaStsSection, probeMtaSts, type PolicyFetcher } from '../../core/mail/mta-sts';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { formatMtaSts } from './format-mta-sts';

const RECORD: FakeRecords = { '_mta-sts.example.com TXT': ['v=STSv1; id=20240101'] };

async function lines(records: FakeRecords, fetchPolicy?: PolicyFetcher) {
  const section = newMtaStsSection();
  await probeMtaSts(section, { domain: 'example.com', ask: fakeAsk(records).ask }, fetchPolicy);
  return formatMtaSts(section);
}

describe('formatMtaSts', () => {
  it('prints the record and the policy', async () => {
    expect(
      await lines(RECORD, async () => ({ status: 200, contentType: 'text/plain', body: 'version: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 3600\n' })),
    ).toEqual([
      'v=STSv1; id=20240101',
      'Policy at https://mta-sts.example.com/.well-known/mta-sts.txt:',
      '  Mode         testing: senders report TLS failures but still deliver (no protection yet)',
      '  Cached for   3600 s',
      '  MX patterns  mx.example.com',
    ]);
  });

  it('given the MX hosts, prints which pattern covers each and which are stale', async () => {
    const section = newMtaStsSection();
    const body = 'version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: *.old.example.com\nmax_age: 604800\n';
    await probeMtaSts(section, { domain: 'example.com', ask: fakeAsk(RECORD).ask }, async () => ({ status: 200, contentType: 'text/plain', body }));
    expect(formatMtaSts(section, ['mx1.example.com', 'mx2.example.com']).slice(-3)).toEqual([
      '  mx1.example.com  covered by mx: mx1.example.com',
      '  mx2.example.com  not covered by any mx: line',
      '  mx: *.old.example.com  stale: matches no MX host',
    ]);
  });

  it('says when there is no record, and prints the record alone when not fetched', async () => {
    expect(await lines({})).toEqual(['No MTA-STS record at _mta-sts.example.com.']);
    expect(await lines(RECORD)).toEqual(['v=STSv1; id=20240101']);
  });

  it('escapes control characters from DNS and HTTP', async () => {
    const out = await lines({ '_mta-sts.example.com TXT': ['v=STSv1; id=1\u001b[2J'] }, () => Promise.reject(new Error('bad\u0007')));
    expect(out).toEqual(['v=STSv1; id=1\\u001b[2J', 'https://mta-sts.example.com/.well-known/mta-sts.txt could not be fetched: bad\\u0007']);
  });
});
