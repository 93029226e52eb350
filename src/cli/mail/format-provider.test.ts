import { describe, expect, it } from 'vitest';
import { identifyProviders } from '../../core/mail/provider/identify-providers';
import { formatProvider } from './format-provider';

describe('formatProvider', () => {
  it('prints each provider, what it does and its hosts, in MX order', () => {
    expect(formatProvider(identifyProviders(['mx0a-1.pphosted.com', 'contoso.mail.protection.outlook.com', 'mx.example.com']))).toEqual([
      'Proofpoint (filtering gateway): mx0a-1.pphosted.com',
      'Microsoft 365 (mailboxes): contoso.mail.protection.outlook.com',
      'not recognised: mx.example.com',
    ]);
  });

  it('prints nothing before the MX list', () => {
    expect(formatProvider([])).toEqual([]);
  });

  it('neutralises control characters in host names', () => {
    expect(formatProvider([{ hosts: ['mx\u001b[2J.example'] }])).toEqual(['not recognised: mx\\u001b[2J.example']);
  });
});
