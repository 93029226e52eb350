/**
 * Plain-text bounces for the tests, re-typed in the shapes each mail server writes (facts, not copied
 * messages), with documentation names and addresses (RFC 2606, RFC 5737).
 */
const crlf = (lines: string[]): string => lines.join('\r\n');

/** Exim's plain-text bounce (current form): the host line, then the reply on its own lines. */
export const EXIM_TEXT = crlf([
  'Return-path: <>',
  'From: Mail Delivery System <Mailer-Daemon@mx1.example.com>',
  'To: nina@example.com',
  'Subject: Mail delivery failed: returning message to sender',
  'X-Failed-Recipients: oscar@example.net',
  'Auto-Submitted: auto-replied',
  '',
  'This message was created automatically by mail delivery software.',
  '',
  'A message that you sent could not be delivered to one or more of its',
  'recipients. This is a permanent error. The following address(es) failed:',
  '',
  '  oscar@example.net',
  '    host example-net.mail.protection.outlook.com [192.0.2.44]',
  '    SMTP error from remote mail server after RCPT TO:<oscar@example.net>:',
  '    550 5.7.606 Access denied, banned sending IP [203.0.113.50]. To request removal from this list please visit https://sender.office.com/ and follow the directions.',
  '',
  '------ This is a copy of the message, including all the headers. ------',
  '',
  'Return-path: <nina@example.com>',
  'From: Nina <nina@example.com>',
  'Subject: Meeting',
  '',
  'See you.',
]);

/** Older Exim: the reply follows the host on the same line, continued on indented lines. */
export const EXIM_OLD_TEXT = [
  'This message was created automatically by mail delivery software.',
  '',
  'A message that you sent could not be delivered to one or more of its',
  'recipients. This is a permanent error. The following address(es) failed:',
  '',
  '  erin@example.net',
  '    SMTP error from remote mail server after RCPT TO:<erin@example.net>:',
  '    host mx.example.net [192.0.2.1]: 550-5.7.1 Rejected: 203.0.113.9 is not',
  '    550-5.7.1 allowed to send mail for example.com (SPF fail). See',
  '    550 5.7.1 https://www.example.net/spf',
].join('\n');

/** A Microsoft 365 NDR as a plain-text part. */
export const MICROSOFT_NDR = crlf([
  'From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@example.com>',
  'To: henry@example.com',
  'Subject: Undeliverable: Quarterly report',
  'Content-Type: text/plain; charset="us-ascii"',
  '',
  'Delivery has failed to these recipients or groups:',
  '',
  'grace@example.net',
  "Your message wasn't delivered because the recipient's email provider rejected it.",
  '',
  'Diagnostic information for administrators:',
  '',
  'Generating server: DB8PR01MB5678.eurprd01.prod.outlook.com',
  '',
  'grace@example.net',
  'mx.example.net',
  "Remote Server returned '550 5.4.1 Recipient address rejected: Access denied. [DB5EUR01FT012.eop-EUR01.prod.protection.outlook.com]'",
  '',
  'Original message headers:',
  '',
  'From: Henry <henry@example.com>',
  'To: grace@example.net',
  'Subject: Quarterly report',
]);

/** Gmail's wording, pasted without its header. */
export const GMAIL_TEXT_PASTED = [
  '** Address not found **',
  '',
  "Your message wasn't delivered to ivan@example.net because the address couldn't be found, or is unable to receive mail.",
  '',
  'The response from the remote server was:',
  '550 5.1.1 <ivan@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
].join('\n');

export const SENDMAIL_TEXT = crlf([
  'From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.com>',
  'Subject: Returned mail: see transcript for details',
  '',
  'The original message was received at Mon, 7 Dec 2026 13:05:00 +0100',
  'from host.example.com [198.51.100.7]',
  '',
  '   ----- The following addresses had permanent fatal errors -----',
  '<judy@example.net>',
  '    (reason: 550 5.1.1 <judy@example.net>... User unknown)',
  '',
  '   ----- Transcript of session follows -----',
  '... while talking to mx.example.net.:',
  '>>> DATA',
  '<<< 550 5.1.1 <judy@example.net>... User unknown',
  '550 5.1.1 <judy@example.net>... User unknown',
  '<<< 503 5.0.0 Need RCPT (recipient)',
  '',
  '   ----- Original message follows -----',
  'Return-Path: <kim@example.com>',
  'From: kim@example.com',
  'Subject: Lunch',
  '',
  'Noon?',
]);

export const QMAIL_TEXT = crlf([
  'From: MAILER-DAEMON@mail.example.com',
  'Subject: failure notice',
  '',
  'Hi. This is the qmail-send program at mail.example.com.',
  "I'm afraid I wasn't able to deliver your message to the following addresses.",
  "This is a permanent error; I've given up. Sorry it didn't work out.",
  '',
  '<leo@example.net>:',
  '192.0.2.1 does not like recipient.',
  'Remote host said: 550 5.1.1 <leo@example.net>: Recipient address rejected: User unknown',
  'Giving up on 192.0.2.1.',
  '',
  '--- Below this line is a copy of the message.',
  '',
  'Return-Path: <mia@example.com>',
  'From: Mia <mia@example.com>',
  'Subject: Tickets',
  '',
  'Two, please.',
]);

/** A newsletter that talks about status codes: not a bounce. */
export const NEWSLETTER = crlf([
  'From: Mail Weekly <news@example.com>',
  'To: reader@example.net',
  'Subject: How to read SMTP replies',
  'List-Unsubscribe: <https://example.com/unsubscribe>',
  '',
  'When a server answers 550 5.7.26, your DMARC failed. A reply like',
  '550-5.7.1 means policy. Remote Server returned errors are common.',
]);
