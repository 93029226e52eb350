import { describe, expect, it } from 'vitest';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { newTlsRptSection, probeTlsRpt } from '../../core/mail/tls-rpt';
import { formatTlsRpt } from './format-tls-rpt';

async function lines(records: FakeRecords) {
  const section = newTlsRptSection();
  await probeTlsRpt(section, { domain: 'example.com', ask: fakeAsk(records).ask });
  return formatTlsRpt(section);
}

describe('formatTlsRpt', () => {
  it('prints the record and where reports go', async () => {
    expect(await lines({ '_smtp._tls.example.com TXT': ['v=TLSRPTv1; rua=mailto:tls@example.com'] })).toEqual([
      'v=TLSRPTv1; rua=mailto:tls@example.com',
      'reports to mailto:tls@example.com',
    ]);
  });

  it('says when there is none, or while looking', async () => {
    expect(await lines({})).toEqual(['No TLS reporting record at _smtp._tls.example.com.']);
    expect(formatTlsRpt(newTlsRptSection())).toEqual(['Looking up the TLS reporting record…']);
  });

  it('escapes control characters', async () => {
    expect(await lines({ '_smtp._tls.example.com TXT': ['v=TLSRPTv1; rua=mailto:a@b.example\u001b[0m'] })).toEqual([
      'v=TLSRPTv1; rua=mailto:a@b.example\\u001b[0m',
      'reports to mailto:a@b.example\\u001b[0m',
    ]);
  });
});
