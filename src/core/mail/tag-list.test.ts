import { describe, expect, it } from 'vitest';
import { duplicateTagNames, parseTagList, quoted, tagValue } from './tag-list';

describe('parseTagList (RFC 6376 §3.2)', () => {
  it('reads name=value pairs separated by semicolons, white space around them ignored', () => {
    expect(parseTagList(' v=DKIM1 ;  k = rsa;p=AB CD ').tags).toEqual([
      { name: 'v', value: 'DKIM1' },
      { name: 'k', value: 'rsa' },
      { name: 'p', value: 'AB CD' },
    ]);
  });

  it('accepts a trailing semicolon and skips empty parts', () => {
    expect(parseTagList('v=STSv1; id=1;;').tags.map((tag) => tag.name)).toEqual(['v', 'id']);
  });

  it('keeps "=" inside a value (base64 padding, URLs)', () => {
    expect(parseTagList('p=AQAB==; rua=https://r.example/?a=b').tags.map((tag) => tag.value)).toEqual(['AQAB==', 'https://r.example/?a=b']);
  });

  it('allows empty values (a revoked key, a BIMI declination)', () => {
    expect(parseTagList('p=').tags).toEqual([{ name: 'p', value: '' }]);
  });

  it('reports parts that are not tag=value, and bad tag names, without throwing', () => {
    const { tags, errors } = parseTagList('v=DMARC1; reject; =x; <b>=1');
    expect(tags).toEqual([{ name: 'v', value: 'DMARC1' }]);
    expect(errors).toEqual(['"reject" is not a tag=value pair.', '"=x" is not a valid tag name.', '"<b>" is not a valid tag name.']);
  });

  it('reads folding white space (CR LF, tabs) as white space', () => {
    expect(parseTagList('v=DKIM1;\r\n\tp=AB').tags[1]).toEqual({ name: 'p', value: 'AB' });
  });

  it('finds duplicate tag names, case-sensitive unless asked', () => {
    const { tags } = parseTagList('p=a; P=b; p=c');
    expect(duplicateTagNames(tags)).toEqual(['p']);
    expect(duplicateTagNames(tags, false)).toEqual(['p']);
    expect(duplicateTagNames(parseTagList('p=a; P=b').tags)).toEqual([]);
  });

  it('gives the first value of a tag', () => {
    expect(tagValue(parseTagList('a=1; a=2').tags, 'a')).toBe('1');
    expect(tagValue([], 'a')).toBeUndefined();
  });

  it('quotes DNS text, cutting long text short', () => {
    expect(quoted('abc')).toBe('"abc"');
    expect(quoted('x'.repeat(100), 10)).toBe(`"${'x'.repeat(10)}…"`);
  });
});
