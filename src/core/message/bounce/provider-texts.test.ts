import { describe, expect, it } from 'vitest';
import { detectProvider, providerMeaning } from './provider-texts';

describe('provider texts', () => {
  it('recognises the provider from the remote server, the reply or the recipient domain', () => {
    expect(detectProvider('gmail-smtp-in.l.google.com', null, null)).toBe('gmail');
    expect(detectProvider(null, '550 5.7.26 blocked - gsmtp', null)).toBe('gmail');
    expect(detectProvider('example-net.mail.protection.outlook.com', null, null)).toBe('microsoft');
    expect(detectProvider(null, '550 5.1.10 RESOLVER.ADR.RecipientNotFound', null)).toBe('microsoft');
    expect(detectProvider('mta7.am0.yahoodns.net', null, null)).toBe('yahoo');
    expect(detectProvider(null, null, 'hotmail.com')).toBe('microsoft');
    expect(detectProvider('mx.example.net', '550 5.1.1 no', 'example.net')).toBeNull();
  });

  it("reads Gmail's own codes with Gmail's meaning, not the registry's", () => {
    expect(providerMeaning('gmail', '5.7.27', '')).toMatchObject({ topic: 'spf', own: true });
    expect(providerMeaning('gmail', '5.7.30', '')).toMatchObject({ topic: 'dkim', own: true });
    expect(providerMeaning('gmail', '4.7.32', '')).toMatchObject({ topic: 'alignment' });
    expect(providerMeaning('gmail', '5.7.26', '')?.topic).toBe('dmarc');
    expect(providerMeaning('gmail', '5.7.25', '')?.topic).toBe('ptr');
    expect(providerMeaning('gmail', '4.7.28', '421-4.7.28 unusual rate of unsolicited mail')?.topic).toBe('rate');
  });

  it("reads Gmail's 5.7.1 by its words", () => {
    expect(providerMeaning('gmail', '5.7.1', "Unauthenticated email from example.com is not accepted due to domain's DMARC policy")?.topic).toBe('dmarc');
    expect(providerMeaning('gmail', '5.7.1', "The IP you're using to send mail is not authorized to send email directly to our servers")?.topic).toBe(
      'ip-block',
    );
    expect(providerMeaning('gmail', '5.7.1', 'This message is likely unsolicited mail')?.topic).toBe('content');
    expect(providerMeaning('gmail', '5.7.1', 'This message violates example.com email policy')).toBeNull();
  });

  it("reads Microsoft's codes, the banned-IP range included", () => {
    expect(providerMeaning('microsoft', '5.7.509', '')?.topic).toBe('dmarc');
    expect(providerMeaning('microsoft', '5.7.515', '')?.because).toMatch(/high-volume/);
    expect(providerMeaning('microsoft', '5.7.606', '')?.topic).toBe('ip-block');
    expect(providerMeaning('microsoft', '5.7.649', '')?.topic).toBe('ip-block');
    expect(providerMeaning('microsoft', '5.7.650', '')).toBeNull();
    expect(providerMeaning('microsoft', '5.7.708', '')?.topic).toBe('ip-block');
    expect(providerMeaning('microsoft', '5.1.10', '')?.topic).toBe('no-user');
    expect(providerMeaning('microsoft', '4.4.7', '')?.topic).toBe('expired');
    expect(providerMeaning('microsoft', '5.7.1', "Unfortunately, messages from [203.0.113.9] weren't sent. ... on our block list")?.topic).toBe('ip-block');
  });

  it("reads Yahoo's deferral and policy refusal", () => {
    expect(providerMeaning('yahoo', '4.7.0', '[TSS04] Messages from 203.0.113.9 temporarily deferred')?.topic).toBe('rate');
    expect(providerMeaning('yahoo', '5.7.9', 'Message not accepted for policy reasons')?.topic).toBe('dmarc');
  });
});
