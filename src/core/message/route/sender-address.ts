/**
 * Is a hop's sending address one the internet cannot reach (a private network, this host, a
 * link)? Then it is an internal relay, not the client the receiving side talked to. Documentation
 * ranges (RFC 5737, RFC 3849) count as public here: they stand for public addresses in examples
 * and test messages, so `classifyAddress`'s wider "special" answer is not the question.
 */
import { classifyAddress } from '../../ip/classify-address';

const NOT_PUBLIC = new Set(['private', 'cgnat', 'loopback', 'link-local', 'unique-local', 'site-local', 'unspecified', 'this-network']);

export function isInternalAddress(ip: string): boolean {
  const range = classifyAddress(ip)?.range;
  return range !== undefined && NOT_PUBLIC.has(range);
}
