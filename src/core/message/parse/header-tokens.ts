/**
 * The lexical layer of structured header fields (RFC 5322 §3.2): words, quoted strings, domain
 * literals, comments (which nest, §3.2.2) and the special characters a caller names. Received,
 * Authentication-Results, Received-SPF and address fields all read through it, so a ";" inside
 * a comment or a quoted string is never mistaken for a separator.
 *
 * One pass, each character looked at once, no regular expression: linear in the input whatever
 * it holds. Nothing is refused: an unterminated comment, quote or literal runs to the end.
 */

export type TokenKind = 'word' | 'quoted' | 'literal' | 'comment' | 'special';

export interface Token {
  kind: TokenKind;
  /**
   * `word`: the text; `quoted`: the content, quoted-pairs undone; `literal`: what is between
   * "[" and "]"; `comment`: what is between the outer parentheses (inner ones kept);
   * `special`: the one character.
   */
  text: string;
  /** Offsets of the token in the input, delimiters included. */
  start: number;
  end: number;
}

const WHITE = new Set([' ', '\t', '\r', '\n']);

/** The tokens of `text`; `specials` are the characters that stand alone (`";="`, `"<>@,;:"`...). */
export function tokenize(text: string, specials: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const start = index;
    if (WHITE.has(char)) {
      index++;
    } else if (char === '(') {
      index = readComment(text, index, tokens);
    } else if (char === '"') {
      index = readQuoted(text, index, tokens);
    } else if (char === '[') {
      const close = text.indexOf(']', index + 1);
      index = close < 0 ? text.length : close + 1;
      tokens.push({ kind: 'literal', text: text.slice(start + 1, close < 0 ? text.length : close), start, end: index });
    } else if (specials.includes(char)) {
      index++;
      tokens.push({ kind: 'special', text: char, start, end: index });
    } else {
      while (index < text.length && !endsWord(text[index]!, specials)) index++;
      tokens.push({ kind: 'word', text: text.slice(start, index), start, end: index });
    }
  }
  return tokens;
}

function endsWord(char: string, specials: string): boolean {
  return WHITE.has(char) || char === '(' || char === '"' || char === '[' || specials.includes(char);
}

/** RFC 5322 §3.2.2: comments nest, and "\" quotes the next character. */
function readComment(text: string, start: number, tokens: Token[]): number {
  let depth = 0;
  let index = start;
  for (; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) break;
  }
  const end = Math.min(index + 1, text.length);
  const inner = text.slice(start + 1, index < text.length ? index : text.length);
  tokens.push({ kind: 'comment', text: inner, start, end });
  return end;
}

/** RFC 5322 §3.2.4: a quoted string; quoted-pairs stand for the character quoted. */
function readQuoted(text: string, start: number, tokens: Token[]): number {
  let content = '';
  let index = start + 1;
  let from = index;
  for (; index < text.length && text[index] !== '"'; index++) {
    if (text[index] === '\\') {
      content += text.slice(from, index);
      from = ++index; // the quoted character is kept as it is
    }
  }
  content += text.slice(from, Math.min(index, text.length));
  const end = Math.min(index + 1, text.length);
  tokens.push({ kind: 'quoted', text: content, start, end });
  return end;
}

/** Comments inside `comment` text, flattened: the nested ones come after the text around them. */
export function commentWords(comment: string, specials = ''): Token[] {
  const result: Token[] = [];
  const stack = [comment];
  // Depth is bounded by the caller's length cap; a stack instead of recursion keeps it off the call stack.
  while (stack.length > 0) {
    for (const token of tokenize(stack.pop()!, specials)) {
      if (token.kind === 'comment') stack.push(token.text);
      else result.push(token);
    }
  }
  return result;
}
