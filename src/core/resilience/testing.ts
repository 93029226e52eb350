/** Test builders: an address with its network already known. */
import { testAddress } from '../routing-checks/test-report';
import type { Address } from '../report';
import type { AsnInfo } from './types';

export function netAddress(ip: string, number: number, country = 'DE', extra: Partial<AsnInfo> = {}): Address {
  const prefix = ip.includes(':') ? `${ip.split(':').slice(0, 3).join(':')}::/48` : `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  return testAddress(ip, { asn: { status: 'ok', number, name: `NET${number}`, prefix, country, registry: 'ripencc', ...extra } });
}
