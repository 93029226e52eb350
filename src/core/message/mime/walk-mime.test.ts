import { describe, expect, it } from 'vitest';
import { readPartHead } from './part-headers';
import { walkMime } from './walk-mime';

function walk(message: string) {
  const head = readPartHead(message);
  return walkMime(head.headers, head.body);
}

describe('walkMime', () => {
  it('reads a message that is not multipart as one leaf', () => {
    const result = walk('Subject: x\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\na=3Db');
    expect(result.leaves).toHaveLength(1);
    expect(result.leaves[0]).toMatchObject({ path: '1', depth: 0, body: 'a=b' });
    expect(result.leaves[0]?.contentType.mediaType).toBe('text/plain');
  });

  it('flattens nested multiparts with IMAP-style paths, and keeps message/rfc822 as a leaf', () => {
    const message = [
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      '--outer',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="inner"',
      '',
      '--inner',
      '',
      'notification text',
      '--inner',
      'Content-Type: message/delivery-status',
      'Content-Transfer-Encoding: base64',
      '',
      btoa('Reporting-MTA: dns; mx.example.com\r\n'),
      '--inner--',
      '--outer',
      'Content-Type: message/rfc822',
      '',
      'From: a@example.com',
      '',
      'hello',
      '--outer--',
    ].join('\r\n');
    const result = walk(message);
    expect(result.leaves.map((leaf) => [leaf.path, leaf.depth, leaf.contentType.mediaType])).toEqual([
      ['1.1', 2, 'text/plain'],
      ['1.2', 2, 'message/delivery-status'],
      ['2', 1, 'message/rfc822'],
    ]);
    expect(result.leaves[1]?.body).toBe('Reporting-MTA: dns; mx.example.com\r\n');
    expect(result.leaves[2]?.body).toBe('From: a@example.com\r\n\r\nhello');
    expect(result.notes).toEqual([]);
  });

  it('says so when the closing boundary is missing, and keeps the last part', () => {
    const result = walk('Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\n\nsecond, cut short');
    expect(result.leaves.map((leaf) => leaf.body)).toEqual(['first', 'second, cut short']);
    expect(result.notes.join(' ')).toMatch(/closing boundary/);
  });

  it('does not open multiparts nested deeper than three levels', () => {
    const nest = (level: number): string =>
      level === 0 ? 'Content-Type: text/plain\n\nleaf' : `Content-Type: multipart/mixed; boundary=b${level}\n\n--b${level}\n${nest(level - 1)}\n--b${level}--`;
    const result = walk(nest(5));
    expect(result.leaves).toHaveLength(1);
    expect(result.leaves[0]?.contentType.mediaType).toBe('multipart/mixed');
    expect(result.notes.join(' ')).toMatch(/deeper than 3/);
  });

  it('turns base64 that does not decode into a note', () => {
    const result = walk('Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Transfer-Encoding: base64\n\n%%%% not base64 %%%%\n--b--');
    expect(result.leaves[0]?.body).toBe('');
    expect(result.notes.join(' ')).toMatch(/does not decode/);
  });

  it('reads a multipart without a boundary as one part', () => {
    const result = walk('Content-Type: multipart/mixed\n\n--x\n\nbody');
    expect(result.leaves).toHaveLength(1);
    expect(result.notes.join(' ')).toMatch(/no usable boundary/);
  });

  it('keeps at most 50 leaves', () => {
    const parts = Array.from({ length: 80 }, (_, i) => `--b\n\npart ${i}`).join('\n');
    const result = walk(`Content-Type: multipart/mixed; boundary=b\n\n${parts}\n--b--`);
    expect(result.leaves).toHaveLength(50);
    expect(result.notes.join(' ')).toMatch(/first 50/);
  });
});
