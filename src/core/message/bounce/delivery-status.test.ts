import { describe, expect, it } from 'vitest';
import { pickRecipient, readDeliveryStatus } from './delivery-status';

describe('message/delivery-status (RFC 3464 §2)', () => {
  const body = [
    'Reporting-MTA: dns; mail.example.com',
    'Arrival-Date: Mon, 7 Dec 2026 13:05:00 +0100',
    '',
    'Final-Recipient: rfc822; <a@example.net>',
    'Action: delivered',
    'Status: 2.0.0',
    '',
    'Final-Recipient: rfc822; b@example.net',
    'Action: Failed (permanent)',
    'Status: 5.1.1 (bad mailbox)',
    'Remote-MTA: dns; mx.example.net.',
    'Diagnostic-Code: smtp; 550 5.1.1 <b@example.net>:',
    '    user unknown',
  ].join('\r\n');

  it('reads the per-message fields and each recipient, typed values without their type', () => {
    const dsn = readDeliveryStatus(body);
    expect(dsn.reportingMta).toBe('mail.example.com');
    expect(dsn.arrivalDate).toBe('Mon, 7 Dec 2026 13:05:00 +0100');
    expect(dsn.recipients).toHaveLength(2);
    expect(dsn.recipients[1]).toEqual({
      finalRecipient: 'b@example.net',
      originalRecipient: null,
      action: 'failed',
      status: '5.1.1',
      remoteMta: 'mx.example.net',
      diagnosticType: 'smtp',
      diagnosticCode: '550 5.1.1 <b@example.net>: user unknown',
    });
    expect(dsn.recipients[0]?.finalRecipient).toBe('a@example.net');
  });

  it('picks the first failed recipient', () => {
    expect(pickRecipient(readDeliveryStatus(body).recipients)?.finalRecipient).toBe('b@example.net');
    expect(pickRecipient([])).toBeNull();
  });

  it('ignores an unknown action and a bad status', () => {
    const dsn = readDeliveryStatus('Final-Recipient: rfc822; c@example.net\nAction: exploded\nStatus: 9.9.9\n');
    expect(dsn.recipients[0]).toMatchObject({ action: null, status: null });
  });
});
