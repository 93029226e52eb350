import { describe, expect, it } from 'vitest';
import { readPartHead } from './part-headers';

describe('readPartHead', () => {
  it('reads folded fields and the body after the empty line', () => {
    const head = readPartHead('Content-Type: text/plain;\r\n charset=utf-8\r\nX-A: 1\r\n\r\nbody\r\n');
    expect(head.headers.map((h) => [h.key, h.value])).toEqual([
      ['content-type', 'text/plain; charset=utf-8'],
      ['x-a', '1'],
    ]);
    expect(head.headers[0]?.raw).toBe('Content-Type: text/plain;\r\n charset=utf-8');
    expect(head.body).toBe('body\r\n');
  });

  it('has no header when the part starts with an empty line (RFC 2046 §5.1.1)', () => {
    expect(readPartHead('\r\ntext')).toEqual({ headers: [], body: 'text' });
  });

  it('reads text that is not a header block as body', () => {
    expect(readPartHead('550 5.7.1 refused: no')).toEqual({ headers: [], body: '550 5.7.1 refused: no' });
  });
});
