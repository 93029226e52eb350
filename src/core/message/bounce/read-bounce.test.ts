import { describe, expect, it } from 'vitest';
import { readMessage } from '../parse/read-message';
import { explainBounce, readBounce } from './read-bounce';
import * as samples from './testing/bounce-samples';

/** As the orchestrator calls it: the message read first. */
const read = (input: string) => readBounce(input, readMessage(input));

describe('readBounce: RFC 3464 DSNs', () => {
  it('reads a Postfix DSN for a Gmail DMARC refusal, with the returned original', () => {
    const result = read(samples.POSTFIX_DSN);
    expect(result.bounce).toMatchObject({
      status: '5.7.26',
      smtpCode: 550,
      action: 'failed',
      remoteMta: 'gmail-smtp-in.l.google.com',
      reporter: 'postfix',
      recipient: 'bob@gmail.com',
    });
    expect(result.bounce?.diagnostic).toMatch(/^550 5\.7\.26 This mail has been blocked because the sender is unauthenticated\. Gmail requires/);
    expect(result.bounce?.diagnostic).not.toMatch(/550-5\.7\.26/);
    expect(result.bounce?.explanation).toMatch(/Bounced with 5\.7\.26 \(permanent failure\)/);
    expect(result.bounce?.explanation).toMatch(
      /Gmail refused it because the sender is unauthenticated: the message passed neither SPF nor DKIM for example\.com/,
    );
    expect(result.provider).toBe('gmail');
    expect(result.originalKind).toBe('message');
    expect(result.original).toMatch(/^Return-Path: <alice@example\.com>/);
    expect(result.bounce?.links).toContainEqual({ kind: 'dmarc', domain: 'example.com', label: 'DMARC of example.com (From)' });
  });

  it('reads a Gmail DSN for a Microsoft 5.7.509 refusal, with the original header only', () => {
    const result = read(samples.GMAIL_DSN);
    expect(result.bounce).toMatchObject({ status: '5.7.509', smtpCode: 550, action: 'failed', reporter: 'gmail', recipient: 'carol@example.net' });
    expect(result.bounce?.remoteMta).toMatch(/^example-net\.mail\.protection\.outlook\.com/);
    expect(result.provider).toBe('microsoft');
    expect(result.bounce?.explanation).toMatch(/Microsoft .* refused it because example\.org does not pass DMARC and publishes a DMARC policy of reject/);
    expect(result.originalKind).toBe('headers');
    expect(result.bounce?.links.map((link) => [link.kind, link.domain])).toContainEqual(['dmarc', 'example.org']);
  });

  it('explains a status without an SMTP reply (Postfix, DNS failure 5.4.4) with a link to the MX', () => {
    const bounce = explainBounce(samples.POSTFIX_NO_ROUTE, readMessage(samples.POSTFIX_NO_ROUTE));
    expect(bounce).toMatchObject({ status: '5.4.4', smtpCode: null, action: 'failed', recipient: 'frank@nowhere.example' });
    expect(bounce?.diagnostic).toMatch(/Host or domain name not found/);
    expect(bounce?.explanation).toMatch(/no route to the recipient's domain/);
    expect(bounce?.links).toContainEqual({ kind: 'mx', domain: 'nowhere.example', label: 'Mail servers of nowhere.example (recipient)' });
  });

  it('picks the first failed recipient of several, and notes the others', () => {
    const dsn = samples.POSTFIX_NO_ROUTE.replace(
      'Final-Recipient: rfc822; frank@nowhere.example',
      'Final-Recipient: rfc822; ok@example.net\r\nAction: delivered\r\nStatus: 2.0.0\r\n\r\nFinal-Recipient: rfc822; frank@nowhere.example',
    )
      .replace('--B1--', '--B1--')
      .replace('Diagnostic-Code: X-Postfix; Host', 'Diagnostic-Code: X-Postfix; Host');
    const result = read(dsn.replace('\r\n\r\n--B1--', '\r\n\r\nFinal-Recipient: rfc822; late@example.net\r\nAction: delayed\r\nStatus: 4.4.1\r\n\r\n--B1--'));
    expect(result.bounce?.recipient).toBe('frank@nowhere.example');
    expect(result.otherRecipients).toEqual([
      { recipient: 'ok@example.net', action: 'delivered', status: '2.0.0' },
      { recipient: 'late@example.net', action: 'delayed', status: '4.4.1' },
    ]);
    expect(result.bounce?.explanation).toMatch(/also names 2 other recipients/);
  });

  it('reads a delayed DSN as delayed, with the retry advice', () => {
    const delayed = samples.POSTFIX_NO_ROUTE.replace('Action: failed', 'Action: delayed').replace('Status: 5.4.4', 'Status: 4.4.7');
    const bounce = read(delayed).bounce;
    expect(bounce).toMatchObject({ status: '4.4.7', action: 'delayed' });
    expect(bounce?.explanation).toMatch(/^Delayed with 4\.4\.7 \(temporary failure\)/);
    expect(bounce?.advice.join(' ')).toMatch(/temporary failure/);
  });

  it('still reads the bounce when the delivery-status part is base64 that does not decode', () => {
    const broken = samples.POSTFIX_DSN.replace(
      'Content-Type: message/delivery-status',
      'Content-Type: message/delivery-status\r\nContent-Transfer-Encoding: base64',
    );
    const result = read(broken);
    expect(result.notes.join(' ')).toMatch(/base64 part does not decode/);
    expect(result.bounce).toMatchObject({ status: '5.7.26', reporter: 'postfix', recipient: 'bob@gmail.com' });
  });

  it('reads a DSN wrapped in a multipart/mixed, and one without its closing boundary', () => {
    const [head, body] = samples.POSTFIX_DSN.split('\r\n\r\n', 2) as [string, string];
    const rest = samples.POSTFIX_DSN.slice(head.length + 4);
    void body;
    const reportType = /Content-Type: multipart\/report[^]*?mail\.example\.com"/.exec(head)?.[0] ?? '';
    const wrapped = `${head.replace(reportType, 'Content-Type: multipart/mixed; boundary=wrap')}\r\n\r\n--wrap\r\n${reportType}\r\n\r\n${rest}\r\n--wrap--\r\n`;
    expect(read(wrapped).bounce).toMatchObject({ status: '5.7.26', recipient: 'bob@gmail.com' });
    const unclosed = samples.POSTFIX_DSN.replace('--4F2C81A0E3.1765112700/mail.example.com--', '');
    const result = read(unclosed);
    expect(result.bounce?.status).toBe('5.7.26');
    expect(result.notes.join(' ')).toMatch(/closing boundary/);
  });
});

describe('readBounce: the text bounces of mail servers', () => {
  it('reads a pasted Microsoft 365 report whatever the case of "Remote server returned", as Microsoft\'s 5.7.509', () => {
    const pasted = [
      "Your message to carol@example.net couldn't be delivered.",
      '',
      'Diagnostic information for administrators:',
      '',
      'Generating server: AM4PR01MB1234.eurprd01.prod.example.net',
      '',
      'carol@example.net',
      "Remote server returned '550 5.7.509 Access denied, sending domain example.com does not pass DMARC verification and has a DMARC policy of reject.'",
    ].join('\r\n');
    const bounce = explainBounce(pasted, null);
    expect(bounce).toMatchObject({ status: '5.7.509', reporter: 'microsoft', recipient: 'carol@example.net' });
    expect(bounce?.explanation).toMatch(/^Bounced with 5\.7\.509.*Microsoft .* refused it because/);
  });

  it('reads Exim: the host, the reply, the banned sending IP, the copy of the message', () => {
    const result = read(samples.EXIM_TEXT);
    expect(result.bounce).toMatchObject({
      status: '5.7.606',
      smtpCode: 550,
      reporter: 'exim',
      recipient: 'oscar@example.net',
      remoteMta: 'example-net.mail.protection.outlook.com [192.0.2.44]',
    });
    expect(result.bounce?.diagnostic).toMatch(/^550 5\.7\.606 Access denied, banned sending IP \[203\.0\.113\.50\]\. To request removal/);
    expect(result.bounce?.explanation).toMatch(/banned list/);
    expect(result.bounce?.links).toContainEqual({ kind: 'report', domain: '203.0.113.50', label: 'Report on 203.0.113.50 (sending IP: PTR, block lists)' });
    expect(result.original).toMatch(/^Return-path: <nina@example\.com>/);
  });

  it('reads older Exim, with the reply on the host line: a 5.7.1 that names SPF is about SPF', () => {
    const result = readBounce(samples.EXIM_OLD_TEXT, null, { mailFromDomain: 'example.com', sendingIp: '203.0.113.9' });
    expect(result.bounce).toMatchObject({
      status: '5.7.1',
      smtpCode: 550,
      reporter: 'exim',
      recipient: 'erin@example.net',
      remoteMta: 'mx.example.net [192.0.2.1]',
    });
    expect(result.bounce?.diagnostic).toBe(
      '550 5.7.1 Rejected: 203.0.113.9 is not allowed to send mail for example.com (SPF fail). See https://www.example.net/spf',
    );
    expect(result.bounce?.links).toEqual([{ kind: 'spf', domain: 'example.com', ip: '203.0.113.9', label: 'SPF of example.com for 203.0.113.9' }]);
  });

  it('reads a Microsoft NDR: 5.4.1 is an unknown recipient, checked with the MX', () => {
    const result = read(samples.MICROSOFT_NDR);
    expect(result.bounce).toMatchObject({ status: '5.4.1', smtpCode: 550, reporter: 'microsoft', recipient: 'grace@example.net', remoteMta: 'mx.example.net' });
    expect(result.provider).toBe('microsoft');
    expect(result.bounce?.links).toContainEqual({ kind: 'mx', domain: 'example.net', label: 'Mail servers of example.net (recipient)' });
    expect(result.originalKind).toBe('headers');
    expect(result.original).toMatch(/^From: Henry/);
  });

  it("reads Gmail's wording pasted without a header", () => {
    const result = readBounce(samples.GMAIL_TEXT_PASTED, null);
    expect(result.bounce).toMatchObject({ status: '5.1.1', smtpCode: 550, reporter: 'gmail', recipient: 'ivan@example.net', action: 'failed' });
    expect(result.bounce?.explanation).toMatch(/the recipient mailbox does not exist/);
  });

  it('reads Sendmail: the reason line and the host it was talking to', () => {
    const result = read(samples.SENDMAIL_TEXT);
    expect(result.bounce).toMatchObject({ status: '5.1.1', smtpCode: 550, reporter: 'sendmail', recipient: 'judy@example.net', remoteMta: 'mx.example.net' });
    expect(result.bounce?.diagnostic).toBe('550 5.1.1 <judy@example.net>... User unknown');
    expect(result.original).toMatch(/^Return-Path: <kim@example\.com>/);
  });

  it('reads qmail: the recipient, the remote IP, what the remote host said', () => {
    const result = read(samples.QMAIL_TEXT);
    expect(result.bounce).toMatchObject({ status: '5.1.1', smtpCode: 550, reporter: 'qmail', recipient: 'leo@example.net', remoteMta: '192.0.2.1' });
    expect(result.original).toMatch(/^Return-Path: <mia@example\.com>/);
  });
});

describe('readBounce: what is not a bounce', () => {
  it('does not read a newsletter that quotes status codes as a bounce', () => {
    expect(read(samples.NEWSLETTER).bounce).toBeNull();
    expect(readBounce(samples.NEWSLETTER, null).bounce).toBeNull();
  });

  it('does not read prose, an empty input, or a 2xx line as a bounce', () => {
    expect(readBounce('Hello,\nthe meeting is at 10.\n', null).bounce).toBeNull();
    expect(readBounce('', null).bounce).toBeNull();
    expect(readBounce('250 2.0.0 OK queued', null).bounce).toBeNull();
  });

  it('does not read a bounce-looking message with no reason in it', () => {
    expect(read('From: MAILER-DAEMON@example.com\r\nSubject: failure notice\r\n\r\nSomething went wrong.\r\n').bounce).toBeNull();
  });
});
