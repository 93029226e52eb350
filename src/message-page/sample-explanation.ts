/**
 * Hand-written explanations for the page's tests: a DMARC-failed message through a forwarder, with
 * attacker-written text in every field a message controls (markup, an image URL, a bidi override).
 */
import type { MessageExplanation } from '../core/message/types';

export const HOSTILE_SUBJECT = 'Invoice <script>alert(1)</script> <img src=http://tracker.invalid/p.gif> \u202Efdp.exe';

export function sampleExplanation(overrides: Partial<MessageExplanation> = {}): MessageExplanation {
  return {
    verdict: 'Not authenticated: the body was changed after example.com signed it (DKIM body hash mismatch); DMARC fail, policy reject.',
    verdictKind: 'not-authenticated',
    from: 'example.com',
    subject: HOSTILE_SUBJECT,
    hops: [
      {
        from: 'laptop.example.com',
        by: 'mail.example.com',
        ip: '192.168.1.20',
        with: 'ESMTPSA',
        tls: true,
        at: '2026-12-07T13:05:00.000Z',
        delaySeconds: null,
        text: 'from laptop.example.com by mail.example.com with ESMTPSA',
        flags: ['private-ip'],
      },
      {
        from: 'mail.example.com <img src=x onerror=alert(1)>',
        by: 'list.example.org',
        ip: '203.0.113.9',
        with: 'SMTP',
        tls: false,
        at: '2026-12-07T13:11:40.000Z',
        delaySeconds: 400,
        text: 'from mail.example.com by list.example.org with SMTP',
        flags: ['slow', 'no-tls'],
      },
      {
        from: 'list.example.org',
        by: 'mx.example.net',
        ip: '198.51.100.7',
        with: 'ESMTPS',
        tls: true,
        at: '2026-12-07T13:11:30.000Z',
        delaySeconds: -10,
        text: 'from list.example.org by mx.example.net with ESMTPS',
        flags: ['clock-skew'],
      },
    ],
    totalSeconds: 390,
    dkim: [
      {
        domain: 'example.com',
        selector: 'sel1',
        algorithm: 'rsa-sha256',
        result: 'fail',
        reason: 'body hash mismatch: the body was changed after signing',
        bodyChecked: true,
        headerVerified: true,
        identity: null,
        signedHeaders: ['from', 'to', 'subject'],
        bodyLength: null,
        canonicalization: 'relaxed/relaxed',
        signedAt: null,
        expiresAt: null,
        testing: false,
        keyBits: 2048,
        warnings: [],
      },
    ],
    spf: {
      ip: '198.51.100.7',
      ipSource: 'Received-SPF client-ip',
      mailFrom: 'bounces@example.org',
      helo: 'list.example.org',
      domain: 'example.org',
      result: 'pass',
      sentence: '198.51.100.7 may send mail for example.org: it matches ip4:198.51.100.0/24.',
    },
    spfMissing: null,
    dmarc: {
      domain: 'example.com',
      result: 'fail',
      policy: 'reject',
      policyTag: 'p',
      recordDomain: 'example.com',
      alignment: { dkim: null, spf: null },
      modes: { dkim: 'r', spf: 'r' },
      receiverAction: 'Most receivers refuse it.',
    },
    arc: {
      chain: 'pass',
      reason: 'every seal verifies',
      sets: [
        {
          instance: 1,
          cv: 'none',
          sealDomain: 'example.org',
          sealResult: 'pass',
          signatureResult: 'pass',
          reason: '',
          claims: { dkim: 'pass', spf: 'pass', dmarc: 'pass', authservId: 'list.example.org', source: 'ARC-Authentication-Results i=1', properties: {} },
        },
      ],
    },
    receiverSaid: {
      dkim: 'pass',
      spf: 'pass',
      dmarc: 'fail',
      authservId: 'mx.example.net',
      source: 'Authentication-Results',
      properties: {},
    },
    bounce: null,
    findings: [
      {
        code: 'claim-disagrees',
        severity: 'warn',
        message: 'The receiver said dkim=pass; the signature does not verify now: the key was rotated, or the message was changed after delivery.',
      },
    ],
    links: [
      { kind: 'report', domain: 'example.com', label: 'Full report of example.com (From)' },
      { kind: 'spf', domain: 'example.org', ip: '198.51.100.7', label: 'SPF of example.org' },
      { kind: 'report', domain: 'evil<script>.example', label: 'Full report of evil<script>.example' },
    ],
    notes: ['bare LF line ends were read as CRLF'],
    bodyGiven: true,
    size: 4321,
    ...overrides,
  };
}

export const SAMPLE_BOUNCE: MessageExplanation['bounce'] = {
  status: '5.7.26',
  smtpCode: 550,
  action: 'failed',
  remoteMta: 'mx.google.com',
  diagnostic: '550 5.7.26 Unauthenticated email from example.com is not accepted due to domain’s DMARC policy.',
  explanation: 'Gmail refused it because example.com’s DMARC failed.',
  reporter: 'gmail',
  recipient: 'someone@gmail.com',
  advice: ['Check that example.com’s mail is signed with DKIM by example.com, or sent from a server in its SPF.'],
  links: [{ kind: 'dmarc', domain: 'example.com', label: 'DMARC of example.com' }],
};
