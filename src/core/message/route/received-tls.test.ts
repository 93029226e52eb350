import { describe, expect, it } from 'vitest';
import { receivedTls } from './received-tls';

describe('receivedTls', () => {
  it.each(['ESMTPS', 'ESMTPSA', 'esmtps', 'UTF8SMTPS', 'UTF8SMTPSA', 'LMTPS', 'LMTPSA', 'SMTPS', 'HTTPS'])(
    'reads %s as TLS (RFC 3848, RFC 6531)',
    (protocol) => {
      expect(receivedTls(protocol, [])).toBe(true);
    },
  );

  it.each(['SMTP', 'ESMTP', 'ESMTPA', 'UTF8SMTP'])('reads plain %s without a TLS comment as no TLS', (protocol) => {
    expect(receivedTls(protocol, ['Postfix'])).toBe(false);
  });

  it.each(['LMTP', 'local', 'HTTP', 'mapi', 'Microsoft SMTP Server', 'something'])('cannot tell for %s', (protocol) => {
    expect(receivedTls(protocol, [])).toBeNull();
  });

  it('cannot tell without a protocol', () => {
    expect(receivedTls(null, [])).toBeNull();
  });

  it.each([
    'using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)',
    'version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    'version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NOT',
    'TLS1.2',
    'X=TLS1.3:ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM:256',
    'Google Transport Security',
  ])('reads the comment "%s" as TLS, whatever the protocol', (comment) => {
    expect(receivedTls('ESMTP', [comment])).toBe(true);
    expect(receivedTls(null, [comment])).toBe(true);
  });

  it('does not take "No client certificate requested" or a software name for TLS', () => {
    expect(receivedTls('ESMTP', ['No client certificate requested', 'Postfix', 'Exim 4.97'])).toBe(false);
  });
});
