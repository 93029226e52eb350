import { describe, expect, it } from 'vitest';
import { isBimiRecord, parseBimi } from './parse-bimi';

describe('parseBimi (draft-brand-indicators-for-message-identification §4.3)', () => {
  it('reads the logo and evidence locations', () => {
    expect(parseBimi('v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem')).toEqual({
      location: 'https://example.com/logo.svg',
      authority: 'https://example.com/vmc.pem',
      declined: false,
      errors: [],
      locationNotHttps: false,
      unknownTags: [],
    });
  });

  it('takes only records starting with v=BIMI1, matched precisely', () => {
    expect(isBimiRecord('v=BIMI1; l=')).toBe(true);
    expect(isBimiRecord(' v = BIMI1')).toBe(true);
    for (const record of ['v=bimi1; l=', 'l=; v=BIMI1', 'v=BIMI2; l=', 'v=BIMI10']) expect(isBimiRecord(record), record).toBe(false);
  });

  it('reads empty l= and a= (or no a=) as a declination (§4.3.1)', () => {
    expect(parseBimi('v=BIMI1; l=; a=;')).toMatchObject({ declined: true, errors: [] });
    expect(parseBimi('v=BIMI1; l=')).toMatchObject({ declined: true, errors: [] });
    expect(parseBimi('v=BIMI1; l=; a=https://example.com/vmc.pem').declined).toBe(false);
  });

  it('requires l=', () => {
    expect(parseBimi('v=BIMI1; a=https://example.com/vmc.pem').errors[0]).toContain('There is no l= tag');
  });

  it('marks a logo location that is not https', () => {
    expect(parseBimi('v=BIMI1; l=http://example.com/logo.svg').locationNotHttps).toBe(true);
    expect(parseBimi('v=BIMI1; l=example.com/logo.svg').locationNotHttps).toBe(true);
    expect(parseBimi('v=BIMI1; l=https://cdn.example.com:8443/logo.svg?v=2').locationNotHttps).toBe(false);
  });

  it('refuses an evidence location that is not https, several logos, and logos that are not SVG (§4.3.2)', () => {
    expect(parseBimi('v=BIMI1; l=https://e.com/l.svg; a=http://e.com/vmc.pem').errors[0]).toContain('a= is not an https: URL');
    expect(parseBimi('v=BIMI1; l=https://e.com/a.svg,https://e.com/b.svg').errors[0]).toContain('single URL');
    expect(parseBimi('v=BIMI1; l=https://e.com/logo.png').errors[0]).toContain('not SVG');
    expect(parseBimi('v=BIMI1; l=https://e.com/logo.svgz').errors).toEqual([]);
  });

  it('reads avp= and lps=, refusing other values', () => {
    expect(parseBimi('v=BIMI1; l=; avp=personal; lps=true')).toMatchObject({ avatarPreference: 'personal', localPartSelectors: true, errors: [] });
    expect(parseBimi('v=BIMI1; l=; avp=logo; lps=yes').errors).toEqual(['avp=logo must be brand or personal.', 'lps=yes must be true or false.']);
  });

  it('notes unknown tags, flags duplicates', () => {
    const parse = parseBimi('v=BIMI1; l=; x=1; l=');
    expect(parse.unknownTags).toEqual(['x']);
    expect(parse.errors[0]).toContain('l= appears more than once');
  });

  it('keeps HTML as data, and never throws', () => {
    expect(parseBimi('v=BIMI1; l=javascript:alert(1)').locationNotHttps).toBe(true);
    for (const text of ['', ';', '=', 'v=BIMI1; l=<svg onload=alert(1)>', '\u0000']) expect(() => parseBimi(text)).not.toThrow();
  });
});
