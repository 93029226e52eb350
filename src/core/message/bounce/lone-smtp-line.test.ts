import { describe, expect, it } from 'vitest';
import { explainBounce, readBounce } from './read-bounce';

describe('an SMTP error line pasted alone', () => {
  it('explains a Gmail 5.7.26 line', () => {
    const bounce = explainBounce('550 5.7.26 This mail has been blocked because the sender is unauthenticated. - gsmtp', null, { fromDomain: 'example.com' });
    expect(bounce).toMatchObject({ status: '5.7.26', smtpCode: 550, action: 'failed', reporter: 'smtp-line', recipient: null, remoteMta: null });
    expect(bounce?.explanation).toMatch(/Gmail refused it because the sender is unauthenticated: the message passed neither SPF nor DKIM for example\.com/);
    expect(bounce?.links).toEqual([{ kind: 'dmarc', domain: 'example.com', label: 'DMARC of example.com (From)' }]);
  });

  it('takes the sender domain the server names ("Unauthenticated email from example.com") for the DMARC link', () => {
    const bounce = explainBounce("550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy. - gsmtp", null);
    expect(bounce?.links).toEqual([{ kind: 'dmarc', domain: 'example.com', label: 'DMARC of example.com (From)' }]);
  });

  it('joins a multi-line reply', () => {
    const bounce = explainBounce(
      "550-5.7.1 [192.0.2.9] The IP you're using to send mail is not authorized to\n550-5.7.1 send email directly to our servers. Please use the SMTP relay at your\n550 5.7.1 service provider instead. - gsmtp\n",
      null,
    );
    expect(bounce?.diagnostic).toBe(
      "550 5.7.1 [192.0.2.9] The IP you're using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead. - gsmtp",
    );
    expect(bounce?.explanation).toMatch(/may not deliver to Gmail directly/);
  });

  it('reads a basic code alone, "554 Transaction failed"', () => {
    const bounce = explainBounce('554 Transaction failed', null);
    expect(bounce).toMatchObject({ status: null, smtpCode: 554, action: 'failed', diagnostic: '554 Transaction failed' });
    expect(bounce?.explanation).toBe('Bounced with SMTP reply 554 (permanent failure).');
  });

  it('reads a Diagnostic-Code value pasted as it is', () => {
    expect(explainBounce('smtp; 550 5.1.1 <a@example.net>: user unknown', null)?.status).toBe('5.1.1');
  });

  it('links SPF for the sending IP on 5.7.23, and the IP itself on 5.7.25', () => {
    const options = { mailFromDomain: 'Bounces.Example.COM.', fromDomain: 'example.com', sendingIp: '203.0.113.9' };
    expect(explainBounce('550 5.7.23 SPF validation failed', null, options)?.links).toEqual([
      { kind: 'spf', domain: 'bounces.example.com', ip: '203.0.113.9', label: 'SPF of bounces.example.com for 203.0.113.9' },
    ]);
    expect(explainBounce('550 5.7.25 Reverse DNS validation failed', null, options)?.links).toEqual([
      { kind: 'report', domain: '203.0.113.9', label: 'Report on 203.0.113.9 (sending IP: PTR, block lists)' },
    ]);
  });

  it('reads a 5.7.1 that names SPF as an SPF failure', () => {
    const bounce = explainBounce('550 5.7.1 Message rejected due to SPF failure', null, { fromDomain: 'example.com' });
    expect(bounce?.links.map((link) => link.kind)).toEqual(['spf']);
    expect(bounce?.advice[0]).toMatch(/SPF record of example\.com/);
  });

  it('reads a block-list refusal and takes the IP it names', () => {
    const bounce = explainBounce('550 5.7.1 Service unavailable; Client host [203.0.113.77] blocked using zen.spamhaus.org', null);
    expect(bounce?.advice[0]).toMatch(/block list/);
    const named = explainBounce(
      "550 5.7.1 Unfortunately, messages from [203.0.113.77] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). [AM0EUR01FT001.eop-EUR01.prod.protection.outlook.com]",
      null,
    );
    expect(named?.links).toEqual([{ kind: 'report', domain: '203.0.113.77', label: 'Report on 203.0.113.77 (sending IP: PTR, block lists)' }]);
    expect(named?.explanation).toMatch(/Microsoft/);
  });

  it("reads Yahoo's temporary deferral as delayed", () => {
    const bounce = explainBounce('421 4.7.0 [TSS04] Messages from 203.0.113.9 temporarily deferred due to unexpected volume or user complaints', null);
    expect(bounce).toMatchObject({ status: '4.7.0', action: 'delayed' });
    expect(bounce?.explanation).toMatch(/Yahoo deferred it because/);
    expect(bounce?.advice.join(' ')).toMatch(/temporary failure/);
  });

  it('reads Microsoft 5.1.10 with its own meaning', () => {
    const bounce = explainBounce('550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', null);
    expect(bounce?.explanation).toBe(
      "Bounced with 5.1.10 (permanent failure). Microsoft (Outlook / Microsoft 365) refused it because the recipient address was not found in the receiving organisation's directory.",
    );
  });

  it('does not take a long text that starts with a number for a reply', () => {
    expect(readBounce('550 people came.\n' + 'More prose.\n'.repeat(20), null).bounce).toBeNull();
  });
});
