import { describe, expect, it } from 'vitest';
import { BLOCKLISTS } from '../../core/mail/blocklists/blocklist-table';
import { newBlocklistSection, probeBlocklists, type BlocklistAddress } from '../../core/mail/blocklists/probe-blocklists';
import { fakeAsk, type FakeRecords } from '../../core/mail/testing/fake-ask';
import { formatBlocklists } from './format-blocklists';

async function probed(records: FakeRecords, addresses: BlocklistAddress[]) {
  const section = newBlocklistSection();
  await probeBlocklists(section, { domain: 'example.com', ask: fakeAsk(records).ask }, addresses);
  return section;
}
const others = (skip: string[]) =>
  BLOCKLISTS.filter((list) => !skip.includes(list.id))
    .map((list) => list.name)
    .join(', ');

describe('formatBlocklists', () => {
  it('says when there is nothing to show yet', () => {
    expect(formatBlocklists(newBlocklistSection())).toEqual(['waiting for the mail server addresses…']);
    expect(formatBlocklists({ ...newBlocklistSection(), status: 'done' })).toEqual(['no mail server addresses to check']);
  });

  it('lists, per address, listings first with meaning and lookup page, then the rest grouped', async () => {
    const lines = formatBlocklists(
      await probed(
        { '170.2.0.192.bl.spamcop.net A': ['127.0.0.2'], '170.2.0.192.zen.spamhaus.org A': ['127.255.255.254'], '170.2.0.192.psbl.surriel.com A': 'servfail' },
        [{ ip: '192.0.2.170', family: 4, host: 'mx.listed.test' }],
      ),
    );
    expect(lines).toEqual([
      '192.0.2.170 (mx.listed.test)',
      '  listed       SpamCop (127.0.0.2: SpamCop users recently reported spam from this address)  https://www.spamcop.net/bl.shtml?192.0.2.170',
      '  refused      Spamhaus ZEN (127.255.255.254: the query came through a public or open resolver)',
      '  failed       PSBL (SERVFAIL)',
      `  not listed   ${others(['spamcop', 'spamhaus-zen', 'psbl'])}`,
    ]);
  });

  it('names the listing codes, and says why a list failed', async () => {
    const lines = formatBlocklists(
      await probed({ '9.2.0.192.zen.spamhaus.org A': ['127.0.0.2', '127.0.0.4'], '9.2.0.192.bl.spamcop.net A': 'error' }, [
        { ip: '192.0.2.9', family: 4, host: 'mx.example.com' },
      ]),
    );
    expect(lines[1]).toMatch(
      /^ {2}listed {7}Spamhaus ZEN: SBL, XBL \(127\.0\.0\.2: Spamhaus has seen spam.*; 127\.0\.0\.4: a hijacked.*\) {2}https:\/\/check\.spamhaus\.org\/$/,
    );
    expect(lines[2]).toBe('  failed       SpamCop (The resolver did not answer within 4 s.)');
  });

  it('says which lists an IPv6 address was not asked about, and why', async () => {
    const lines = formatBlocklists(await probed({}, [{ ip: '2001:db8::1', family: 6, host: 'mx.example.com' }]));
    expect(lines[1]).toBe('  not listed   Spamhaus ZEN, DroneBL');
    expect(lines[2]).toBe(
      `  not checked  ${BLOCKLISTS.filter((list) => !list.ipv6)
        .map((list) => list.name)
        .join(', ')} (IPv4-only lists)`,
    );
  });

  it('neutralises control characters in DNS text', async () => {
    const lines = formatBlocklists(
      await probed({ '1.2.0.192.bl.spamcop.net A': ['\u001b[31mred'] }, [{ ip: '192.0.2.1', family: 4, host: 'mx\u001b[2J.example.com' }]),
    );
    expect(lines.join('\n')).not.toContain('\u001b');
    expect(lines[0]).toBe('192.0.2.1 (mx\\u001b[2J.example.com)');
  });

  it('marks special addresses and addresses over the limit', () => {
    const section = { ...newBlocklistSection(), status: 'done' as const, omitted: ['198.51.100.99'] };
    section.targets.push({
      ip: '10.0.0.1',
      family: 4,
      hosts: ['mx.example.com'],
      range: 'private',
      results: [{ list: 'spamcop', state: 'not-checked', notChecked: 'special-address', codes: [], labels: [], meanings: [] }],
    });
    expect(formatBlocklists(section)).toEqual([
      '10.0.0.1 (mx.example.com) [private]',
      '  not checked  SpamCop (not a public address)',
      'not checked (too many addresses): 198.51.100.99',
    ]);
  });
});
