/**
 * RFC 2181 §8: a TTL is 0 to 2^31 - 1 seconds; a value with the top bit set is treated as 0.
 * The JSON API can also send negatives, fractions or strings: anything not a whole number in
 * range is 0, so a hostile TTL can neither stick an answer in the cache for 68 years nor
 * make the cache arithmetic odd.
 */
export const MAX_TTL = 2 ** 31 - 1;

export function ttlOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TTL ? value : 0;
}
