import { describe, expect, it } from 'vitest';
import { identifyProviders, normaliseMxHost, providerOfHost } from './identify-providers';

const ids = (hosts: string[]) => identifyProviders(hosts).map((match) => match.provider?.id ?? null);

describe('identifyProviders', () => {
  it('names Google Workspace from aspmx.l.google.com and its alternates', () => {
    const matches = identifyProviders(['aspmx.l.google.com', 'alt1.aspmx.l.google.com', 'alt2.aspmx.l.google.com', 'aspmx2.googlemail.com']);
    expect(matches).toEqual([
      {
        provider: { id: 'google-workspace', name: 'Google Workspace', kind: 'mailbox', url: 'https://support.google.com/a/answer/140034' },
        hosts: ['aspmx.l.google.com', 'alt1.aspmx.l.google.com', 'alt2.aspmx.l.google.com', 'aspmx2.googlemail.com'],
      },
    ]);
  });

  it('matches on label boundaries only, never a substring', () => {
    expect(ids(['ilovegmail.com'])).toEqual([null]);
    expect(ids(['google.com.evil.test'])).toEqual([null]);
    expect(ids(['xgoogle.com'])).toEqual([null]);
    expect(ids(['mail.xgoogle.com'])).toEqual([null]);
    expect(ids(['aspmx.l.google.co'])).toEqual([null]);
    expect(ids(['evil-pphosted.com', 'pphosted.com-evil.test', 'notmimecast.com'])).toEqual([null]);
    expect(ids(['mail.protection.outlook.com.attacker.test'])).toEqual([null]);
  });

  it('counts the suffix itself as a match (the host may be exactly the provider name)', () => {
    expect(providerOfHost('google.com')?.id).toBe('google-workspace');
    expect(providerOfHost('mx.microsoft')?.id).toBe('microsoft-365');
  });

  it('prefers the longest suffix: Gmail and Outlook.com inside Google and Microsoft names', () => {
    expect(providerOfHost('gmail-smtp-in.l.google.com')?.id).toBe('gmail');
    expect(providerOfHost('aspmx.l.google.com')?.id).toBe('google-workspace');
    expect(providerOfHost('hotmail-com.olc.protection.outlook.com')?.id).toBe('outlook-com');
    expect(providerOfHost('contoso-com.mail.protection.outlook.com')?.id).toBe('microsoft-365');
    // Other outlook.com names are not in the table: no guess.
    expect(providerOfHost('outlook.com')).toBeUndefined();
  });

  it('ignores case and a trailing dot (RFC 4343, RFC 1034 §3.1)', () => {
    expect(ids(['ASPMX.L.Google.COM.'])).toEqual(['google-workspace']);
    expect(identifyProviders(['MX1.Mail.OVH.net.'])[0]!.hosts).toEqual(['mx1.mail.ovh.net']);
  });

  it('reads IDNs in their ASCII form: a look-alike of google.com is not Google', () => {
    // Cyrillic "о" in gооgle: a different name.
    const lookalike = identifyProviders(['aspmx.l.g\u043e\u043egle.com']);
    expect(lookalike[0]!.provider).toBeUndefined();
    expect(lookalike[0]!.hosts[0]).toMatch(/^aspmx\.l\.xn--/);
    expect(identifyProviders(['mx.bücher.test'])).toEqual([{ hosts: ['mx.xn--bcher-kva.test'] }]);
    // UTS #46 full stops are dots: this IS google.com.
    expect(ids(['aspmx.l.google\uFF0Ecom'])).toEqual(['google-workspace']);
  });

  it('groups each provider once with its hosts, in MX order, and the unmatched hosts too', () => {
    const matches = identifyProviders([
      'mx1.example.com',
      'aspmx.l.google.com',
      'contoso.mail.protection.outlook.com',
      'mx2.example.com',
      'alt1.aspmx.l.google.com',
    ]);
    expect(matches.map((match) => [match.provider?.id ?? null, match.hosts])).toEqual([
      [null, ['mx1.example.com', 'mx2.example.com']],
      ['google-workspace', ['aspmx.l.google.com', 'alt1.aspmx.l.google.com']],
      ['microsoft-365', ['contoso.mail.protection.outlook.com']],
    ]);
  });

  it('lists a host given twice once', () => {
    expect(identifyProviders(['aspmx.l.google.com', 'ASPMX.L.GOOGLE.COM.'])[0]!.hosts).toEqual(['aspmx.l.google.com']);
  });

  it('leaves out the null MX and matches nothing on malformed names, without throwing', () => {
    expect(identifyProviders(['', '.'])).toEqual([]);
    expect(identifyProviders([])).toEqual([]);
    expect(ids(['..google.com', '.google.com', 'a..google.com'])).toEqual([null]);
    expect(() => identifyProviders(['\u0000', ' ', 'x'.repeat(2000), '<script>alert(1)</script>.google.com.evil', '\uD800.google.com'])).not.toThrow();
  });

  it('matches the wildcard label of Amazon SES to exactly one label', () => {
    expect(providerOfHost('inbound-smtp.eu-west-1.amazonaws.com')?.id).toBe('amazon-ses');
    expect(providerOfHost('inbound-smtp.a.b.amazonaws.com')).toBeUndefined();
    expect(providerOfHost('inbound-smtp.amazonaws.com')).toBeUndefined();
  });
});

describe('normaliseMxHost', () => {
  it('lower-cases, drops one trailing dot and converts Unicode labels to ASCII', () => {
    expect(normaliseMxHost(' MX.Example.COM. ')).toBe('mx.example.com');
    expect(normaliseMxHost('MX.Bücher.test')).toBe('mx.xn--bcher-kva.test');
  });
});
