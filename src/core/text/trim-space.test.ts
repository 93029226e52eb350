import { describe, expect, it } from 'vitest';
import { trimSpace } from './trim-space';

describe('trimSpace', () => {
  it('trims spaces and tabs, and line breaks when asked, but not other Unicode spaces', () => {
    expect(trimSpace(' \ta b\t ')).toBe('a b');
    expect(trimSpace('\r\n a \r\n')).toBe('\r\n a \r\n');
    expect(trimSpace('\r\n a \r\n', true)).toBe('a');
    expect(trimSpace('\u00a0a\u00a0')).toBe('\u00a0a\u00a0');
  });

  it('takes linear time on a long run of white space inside the text', () => {
    const hostile = `a${' '.repeat(200_000)}b`;
    const started = performance.now();
    expect(trimSpace(hostile)).toBe(hostile);
    // A guard against a hang, not a speed test: the quadratic regular expression needs minutes here.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
