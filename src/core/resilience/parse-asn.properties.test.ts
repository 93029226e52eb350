import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOriginRecord, pickAsName, pickOrigin } from './parse-asn';

// TXT answers are anyone's data: whatever comes back, reading it never throws, and what it keeps
// is only what has the documented shape.
const fieldText = fc.oneof(fc.string(), fc.constantFrom('64500', '64500 64501', '192.0.2.0/24', '2001:db8::/32', 'DE', 'ripencc', '2003-05-08', '', ' | '));
const record = fc.array(fieldText, { maxLength: 7 }).map((fields) => fields.join(' | '));

describe('IP-to-ASN records, any text', () => {
  it('never throw, and keep only well-formed fields', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 4 }), (values) => {
        for (const value of values) {
          const origin = parseOriginRecord(value);
          if (origin) {
            expect(origin.origins.length).toBeGreaterThan(0);
            for (const asn of origin.origins) expect(asn >= 1 && asn <= 4_294_967_294).toBe(true);
            if (origin.country !== undefined) expect(origin.country).toMatch(/^[A-Z]{2}$/);
          }
        }
        const picked = pickOrigin(values, '192.0.2.25');
        if (picked?.prefix) expect(picked.prefix.includes('/')).toBe(true);
        const named = pickAsName(values, 64500);
        if (named?.name !== undefined) expect(named.name.length).toBeLessThanOrEqual(120);
      }),
      { numRuns: 300 },
    );
  });
});
