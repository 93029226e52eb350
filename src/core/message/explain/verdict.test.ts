import { describe, expect, it } from 'vitest';
import type { DkimVerification, DmarcVerification, SpfVerification } from '../types';
import { verdictOf } from './verdict';

function signature(overrides: Partial<DkimVerification>): DkimVerification {
  return {
    domain: 'example.com',
    selector: 's1',
    algorithm: 'rsa-sha256',
    result: 'pass',
    reason: 'the signature verifies',
    bodyChecked: true,
    headerVerified: true,
    identity: null,
    signedHeaders: ['from'],
    bodyLength: null,
    canonicalization: 'relaxed/relaxed',
    signedAt: null,
    expiresAt: null,
    testing: false,
    keyBits: 2048,
    warnings: [],
    ...overrides,
  };
}

function dmarc(overrides: Partial<DmarcVerification>): DmarcVerification {
  return {
    domain: 'example.com',
    result: 'fail',
    policy: 'reject',
    policyTag: 'p',
    recordDomain: 'example.com',
    alignment: { dkim: null, spf: null },
    modes: { dkim: 'r', spf: 'r' },
    receiverAction: '',
    ...overrides,
  };
}

const SPF_FAIL: SpfVerification = {
  ip: '203.0.113.9',
  ipSource: 'Received-SPF client-ip',
  mailFrom: 'a@example.com',
  helo: null,
  domain: 'example.com',
  result: 'fail',
  sentence: '',
};

describe('the verdict line', () => {
  it('says authenticated, and by what, when DMARC passes', () => {
    expect(
      verdictOf({
        from: 'example.com',
        dkim: [signature({})],
        spf: null,
        dmarc: dmarc({ result: 'pass', alignment: { dkim: 'example.com', spf: null } }),
        bounce: null,
        isMessage: true,
      }),
    ).toEqual({
      verdictKind: 'authenticated',
      verdict: 'Authenticated: DKIM by example.com passes and aligns with From; DMARC pass.',
    });
  });

  it('names the body change, the SPF miss and the policy when nothing authenticates', () => {
    const broken = signature({ result: 'fail', reason: 'the body was changed after example.com signed it (DKIM body hash mismatch)' });
    expect(verdictOf({ from: 'example.com', dkim: [broken], spf: SPF_FAIL, dmarc: dmarc({}), bounce: null, isMessage: true }).verdict).toBe(
      "Not authenticated: the body was changed after example.com signed it (DKIM body hash mismatch), and 203.0.113.9 is not in example.com's SPF; DMARC fail, policy reject, so most receivers refuse it.",
    );
  });

  it('never claims a pass for a header block alone', () => {
    const unchecked = signature({ result: 'neutral', bodyChecked: false });
    expect(verdictOf({ from: 'example.com', dkim: [unchecked], spf: null, dmarc: dmarc({}), bounce: null, isMessage: true }).verdictKind).toBe('unverifiable');
  });

  it('takes an aligned DKIM pass as authenticated when the domain has no DMARC record', () => {
    const result = verdictOf({
      from: 'news.example.com',
      dkim: [signature({})],
      spf: null,
      dmarc: dmarc({ result: 'none', policy: null, alignment: { dkim: 'example.com', spf: null } }),
      bounce: null,
      isMessage: true,
    });
    expect(result.verdictKind).toBe('authenticated');
  });

  it("puts a bounce first: the code, then the provider's reason or the code's meaning", () => {
    const bounce = (status: string, explanation: string) => ({
      status,
      smtpCode: 550,
      action: 'failed',
      remoteMta: null,
      diagnostic: null,
      explanation,
      reporter: null,
      recipient: null,
      advice: [],
      links: [],
    });
    const dmarcBounce = bounce(
      '5.7.26',
      "Bounced with 5.7.26 (permanent failure): several authentication checks failed. Gmail refused it because example.com's DMARC failed.",
    );
    expect(verdictOf({ from: null, dkim: [], spf: null, dmarc: dmarc({}), bounce: dmarcBounce, isMessage: false }).verdict).toBe(
      "Bounced: 5.7.26, Gmail refused it because example.com's DMARC failed.",
    );
    const noUser = bounce('5.1.1', 'Bounced with 5.1.1 (permanent failure): the mailbox does not exist.');
    expect(verdictOf({ from: null, dkim: [], spf: null, dmarc: dmarc({}), bounce: noUser, isMessage: false }).verdict).toBe(
      'Bounced: 5.1.1 (permanent failure): the mailbox does not exist.',
    );
  });
});
