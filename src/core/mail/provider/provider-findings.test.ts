import { describe, expect, it } from 'vitest';
import { identifyProviders } from './identify-providers';
import { hostsText, providerFindings } from './provider-findings';

const findingsFor = (hosts: string[], domain = 'example.com') => providerFindings(identifyProviders(hosts), domain);

describe('providerFindings', () => {
  it('says nothing before the MX answer, or for a null MX', () => {
    expect(providerFindings([], 'example.com')).toEqual([]);
    expect(findingsFor([''])).toEqual([]);
  });

  it('names the one provider as info, with its setup guide', () => {
    const [finding, ...rest] = findingsFor([
      'aspmx.l.google.com',
      'alt1.aspmx.l.google.com',
      'alt2.aspmx.l.google.com',
      'alt3.aspmx.l.google.com',
      'alt4.aspmx.l.google.com',
    ]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'provider-identified', severity: 'info' });
    expect(finding!.message).toContain('Mail for example.com is handled by Google Workspace (aspmx.l.google.com, alt1.aspmx.l.google.com and 3 more).');
    expect(finding!.message).toContain('https://support.google.com/a/answer/140034');
  });

  it('explains what a gateway, a forwarder and an inbound service do', () => {
    expect(findingsFor(['mx0a-001.pphosted.com'])[0]!.message).toContain('Proofpoint is a filtering gateway');
    expect(findingsFor(['route1.mx.cloudflare.net', 'route2.mx.cloudflare.net'])[0]!.message).toContain('only forwards mail');
    expect(findingsFor(['mxa.mailgun.org'])[0]!.message).toContain('receives mail for applications');
  });

  it('notes hosts it does not recognise, carefully', () => {
    const [finding] = findingsFor(['mx.example.com']);
    expect(finding).toMatchObject({ code: 'provider-unrecognised', severity: 'info' });
    expect(finding!.message).toContain('does not recognise the provider behind mx.example.com from its name');
  });

  it('says a provider mixed with unknown hosts may be a backup, a gateway or a stale server (info)', () => {
    const [finding] = findingsFor(['aspmx.l.google.com', 'backup.example.com']);
    expect(finding).toMatchObject({ code: 'provider-partly-recognised', severity: 'info', rfc: 'RFC 5321 §5.1' });
    expect(finding!.message).toContain('Google Workspace (aspmx.l.google.com); MXray does not recognise backup.example.com');
    expect(finding!.message).toContain('old server');
    expect(finding!.message).not.toContain('skip');
  });

  it('warns, in the partial case, that a gateway can be skipped through an unknown MX host', () => {
    const [finding] = findingsFor(['us-smtp-inbound-1.mimecast.com', 'exchange.example.com']);
    expect(finding!.message).toContain("lets senders skip Mimecast's filtering");
  });

  it('warns about two mailbox providers: usually a migration left half done', () => {
    const findings = findingsFor(['aspmx.l.google.com', 'contoso-com.mail.protection.outlook.com']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'provider-mixed', severity: 'warn', rfc: 'RFC 5321 §5.1' });
    expect(findings[0]!.message).toContain(
      '2 different providers: Google Workspace (aspmx.l.google.com) and Microsoft 365 (contoso-com.mail.protection.outlook.com)',
    );
    expect(findings[0]!.message).toContain('half done');
  });

  it('warns that a mailbox provider beside a gateway lets mail skip the filtering', () => {
    const [finding] = findingsFor(['mx0a-001.pphosted.com', 'mx0b-001.pphosted.com', 'contoso-com.mail.protection.outlook.com']);
    expect(finding).toMatchObject({ code: 'provider-gateway-bypass', severity: 'warn' });
    expect(finding!.message).toContain('name both Proofpoint, a filtering gateway, and Microsoft 365');
    expect(finding!.message).toContain("skips Proofpoint's filtering");
  });

  it('mentions unknown hosts next to a mix of providers', () => {
    const [finding] = findingsFor(['aspmx.l.google.com', 'mx1.zoho.com', 'old.example.com']);
    expect(finding!.code).toBe('provider-mixed');
    expect(finding!.message).toContain('MX also names old.example.com');
  });

  it('keeps host names as plain text, whatever they hold', () => {
    const [finding] = findingsFor(['<b>x</b>.example']);
    expect(finding!.message).toContain('<b>x</b>.example');
  });

  it('uses the domain as given for display (Unicode)', () => {
    expect(findingsFor(['aspmx.l.google.com'], 'bücher.example')[0]!.message).toContain('Mail for bücher.example');
  });
});

describe('hostsText', () => {
  it('lists up to three hosts, then counts the rest', () => {
    expect(hostsText(['a'])).toBe('a');
    expect(hostsText(['a', 'b', 'c'])).toBe('a, b and c');
    expect(hostsText(['a', 'b', 'c', 'd'])).toBe('a, b and 2 more');
  });
});
