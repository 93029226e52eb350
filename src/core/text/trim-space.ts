/**
 * Trim spaces, tabs (and, with `lineBreaks`, CR and LF) from both ends in linear time. The
 * regular expression `/^[ \t]+|[ \t]+$/g` looks equivalent but retries the second branch at
 * every position of a long run of white space inside the text: quadratic time, which hostile
 * records and messages can ask for. `String.prototype.trim` is no substitute either: it also
 * removes Unicode spaces (U+00A0...), which are bytes of a DKIM byte string or data in a record.
 */
export function trimSpace(text: string, lineBreaks = false): string {
  const isSpace = (code: number) => code === 0x20 || code === 0x09 || (lineBreaks && (code === 0x0d || code === 0x0a));
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
