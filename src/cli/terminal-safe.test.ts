import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminal-safe';

describe('terminalSafe', () => {
  it('shows ANSI escapes and other control characters from DNS data as visible text', () => {
    expect(terminalSafe('evil\u001b[2Jtxt')).toBe('evil\\u001b[2Jtxt');
    expect(terminalSafe('a\rb\nc\u0007')).toBe('a\\u000db\\u000ac\\u0007');
    expect(terminalSafe('\u009b31m')).toBe('\\u009b31m');
  });
  it('shows bidi overrides that could make a name read backwards', () => {
    expect(terminalSafe('moc.\u202eelgoog')).toBe('moc.\\u202eelgoog');
  });
  it('leaves ordinary text, HTML and Unicode names alone', () => {
    expect(terminalSafe('<img src=x onerror=alert(1)>.bücher.test')).toBe('<img src=x onerror=alert(1)>.bücher.test');
  });
});
