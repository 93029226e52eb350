import { describe, expect, it } from 'vitest';
import type { DnsAsk } from '../dns-ask';
import { fakeAsk, type FakeRecords } from '../testing/fake-ask';
import { blocklistFindings } from './blocklist-findings';
import { BLOCKLISTS } from './blocklist-table';
import { newBlocklistSection, probeBlocklists, type BlocklistAddress } from './probe-blocklists';

const v4 = (ip: string, host = 'mx.example.com'): BlocklistAddress => ({ ip, family: 4, host });
const v6 = (ip: string, host = 'mx.example.com'): BlocklistAddress => ({ ip, family: 6, host });

async function probed(records: FakeRecords, addresses: BlocklistAddress[]) {
  const section = newBlocklistSection();
  await probeBlocklists(section, { domain: 'example.com', ask: fakeAsk(records).ask }, addresses);
  return section;
}
const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);

describe('blocklistFindings', () => {
  it('says all clean (ok) once every list answered, counting addresses and lists', async () => {
    const findings = blocklistFindings(await probed({}, [v4('192.0.2.1'), v4('192.0.2.2', 'mx2.example.com')]), 'example.com');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'blocklist-clean', severity: 'ok' });
    expect(findings[0]!.message).toContain(
      `None of the 2 mail server addresses of example.com is listed on any of the ${BLOCKLISTS.length} blocklists that answered (Spamhaus ZEN, SpamCop,`,
    );
  });

  it('words the clean note for one address', async () => {
    const [finding] = blocklistFindings(await probed({}, [v4('192.0.2.1')]), 'example.com');
    expect(finding!.message).toMatch(/^The mail server address of example\.com, 192\.0\.2\.1, is not listed on any of the \d+ blocklists/);
  });

  it('says nothing is clean while answers are pending', () => {
    const section = newBlocklistSection();
    const never: DnsAsk = () => new Promise(() => undefined);
    void probeBlocklists(section, { domain: 'example.com', ask: never }, [v4('192.0.2.1')]);
    expect(blocklistFindings(section, 'example.com')).toEqual([]);
  });

  it('reports a Spamhaus SBL listing as an error naming address, host, list, meaning and where to ask for removal', async () => {
    const findings = blocklistFindings(await probed({ '170.2.0.192.zen.spamhaus.org A': ['127.0.0.2'] }, [v4('192.0.2.170', 'mx.listed.test')]), 'listed.test');
    expect(codes(findings)).toEqual(['blocklist-listed']);
    const [finding] = findings;
    expect(finding).toMatchObject({ severity: 'error', subject: '192.0.2.170', rfc: 'RFC 5782 §2.1' });
    expect(finding!.message).toContain('192.0.2.170 (mx.listed.test) is listed on Spamhaus ZEN (SBL): Spamhaus has seen spam');
    expect(finding!.message).toContain('(127.0.0.2)');
    expect(finding!.message).toContain('https://check.spamhaus.org/');
    expect(finding!.message).toContain('does not stop mail coming in');
  });

  it('says a listing as soon as it lands, before the other lists answer', () => {
    const section = newBlocklistSection();
    section.targets.push({
      ip: '192.0.2.170',
      family: 4,
      hosts: ['mx.listed.test'],
      results: [
        { list: 'spamhaus-zen', state: 'listed', codes: ['127.0.0.2'], labels: ['SBL'], meanings: ['spam'], severity: 'error' },
        { list: 'spamcop', state: 'pending', codes: [], labels: [], meanings: [] },
      ],
    });
    expect(codes(blocklistFindings(section))).toEqual(['blocklist-listed']);
  });

  it('reports a listing on a minor list, or a Spamhaus PBL listing, as a warning', async () => {
    const findings = blocklistFindings(
      await probed({ '9.2.0.192.psbl.surriel.com A': ['127.0.0.2'], '9.2.0.192.zen.spamhaus.org A': ['127.0.0.10'] }, [v4('192.0.2.9')]),
    );
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['blocklist-listed', 'warn'],
      ['blocklist-listed', 'warn'],
    ]);
    expect(findings[0]!.message).toContain('(PBL)');
    expect(findings[0]!.message).toContain('if it only receives mail, nothing needs doing');
    expect(findings[0]!.message).not.toContain('fix the cause');
    expect(findings[1]!.message).toContain('https://psbl.org/listing?ip=192.0.2.9');
    expect(findings[1]!.message).toContain('remove the address yourself');
  });

  it('reports 127.255.255.254 as a refusal (info) explaining the public-resolver policy, not a listing', async () => {
    const findings = blocklistFindings(
      await probed({ '11.2.0.192.zen.spamhaus.org A': ['127.255.255.254'] }, [v4('192.0.2.11', 'mx1.five-mx.test')]),
      'five-mx.test',
    );
    expect(codes(findings)).toEqual(['blocklist-refused', 'blocklist-clean']);
    const [refused, clean] = findings;
    expect(refused!.severity).toBe('info');
    expect(refused!.message).toContain(
      'Spamhaus ZEN refused to answer for 192.0.2.11 (127.255.255.254: the query came through a public or open resolver). This is not a listing.',
    );
    expect(refused!.message).toContain('Spamhaus does not answer queries sent through public resolvers such as Cloudflare or Google');
    expect(refused!.message).toContain('Whether this address is listed on Spamhaus ZEN is unknown');
    expect(clean!.message).toContain(`any of the ${BLOCKLISTS.length - 1} blocklists that answered`);
    expect(clean!.message).not.toContain('Spamhaus ZEN,');
    expect(clean!.message).toContain('Spamhaus ZEN gave no usable answer');
  });

  it('groups a refusal by list, over all addresses', async () => {
    const findings = blocklistFindings(
      await probed({ '1.2.0.192.zen.spamhaus.org A': ['127.255.255.254'], '2.2.0.192.zen.spamhaus.org A': ['127.255.255.254'] }, [
        v4('192.0.2.1'),
        v4('192.0.2.2'),
      ]),
    );
    const refused = findings.filter((f) => f.code === 'blocklist-refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toContain('for 192.0.2.1 and 192.0.2.2');
    expect(refused[0]!.message).toContain('Whether these addresses are listed');
  });

  it('warns about an answer outside 127.0.0.0/8: a broken or wildcarding list', async () => {
    const findings = blocklistFindings(await probed({ '1.2.0.192.all.s5h.net A': ['192.0.2.250'] }, [v4('192.0.2.1')]));
    const bad = findings.find((f) => f.code === 'blocklist-bad-answer')!;
    expect(bad.severity).toBe('warn');
    expect(bad.message).toContain('s5h.net (all.s5h.net) answered 192.0.2.250 for 192.0.2.1');
    expect(bad.message).toContain('do not read it as a listing');
  });

  it('notes lists that could not be asked (info), saying why', async () => {
    const findings = blocklistFindings(await probed({ '1.2.0.192.bl.spamcop.net A': 'servfail', '1.2.0.192.dnsbl.dronebl.org A': 'error' }, [v4('192.0.2.1')]));
    const errors = findings.filter((f) => f.code === 'blocklist-error');
    expect(errors.map((f) => f.severity)).toEqual(['info', 'info']);
    expect(errors[0]!.message).toBe('SpamCop could not be asked about 192.0.2.1 (SERVFAIL), so whether it is listed there is unknown.');
    expect(errors[1]!.message).toContain('The resolver did not answer within 4 s.');
  });

  it('says which lists checked an IPv6 address, since most are IPv4-only (RFC 5782 §2.4)', async () => {
    const findings = blocklistFindings(await probed({}, [v6('2001:db8::1')]), 'example.com');
    const note = findings.find((f) => f.code === 'blocklist-ipv4-only')!;
    const v4Only = BLOCKLISTS.filter((list) => !list.ipv6).length;
    expect(note).toMatchObject({ severity: 'info', rfc: 'RFC 5782 §2.4' });
    expect(note.message).toContain(
      `${v4Only} of the ${BLOCKLISTS.length} blocklists cover IPv4 addresses only, so 2001:db8::1 was checked on Spamhaus ZEN and DroneBL alone.`,
    );
    expect(findings.find((f) => f.code === 'blocklist-clean')!.message).toContain('the 2 blocklists that answered');
  });

  it('says which addresses were left out over the limit', async () => {
    const many = Array.from({ length: 20 }, (_, i) => v4(`198.51.100.${i + 1}`));
    const note = blocklistFindings(await probed({}, many)).find((f) => f.code === 'blocklist-too-many-addresses')!;
    expect(note.message).toContain('198.51.100.17, 198.51.100.18, 198.51.100.19 and 1 more were not checked');
  });

  it('says nothing for addresses it would not check (private ranges have their own finding)', async () => {
    expect(blocklistFindings(await probed({}, [v4('10.0.0.1')]))).toEqual([]);
  });

  it('keeps hostile DNS text as plain text', async () => {
    const findings = blocklistFindings(
      await probed({ '1.2.0.192.bl.spamcop.net A': ['<img src=x onerror=alert(1)>'] }, [v4('192.0.2.1', '<b>mx</b>.example.com')]),
    );
    expect(findings.find((f) => f.code === 'blocklist-bad-answer')!.message).toContain('<img src=x onerror=alert(1)>');
  });

  it('is safe on an empty or pending section', () => {
    expect(blocklistFindings(newBlocklistSection())).toEqual([]);
    expect(blocklistFindings({ ...newBlocklistSection(), status: 'done' })).toEqual([]);
  });
});
