/**
 * `mailto:` links (RFC 6068): `mailto:a@example.com?subject=hi`, `mailto:a@b.com,c@d.com`
 * (the first address is taken), `mailto:%22john%20doe%22@example.com`, `mailto:?to=a@b.com`.
 */
import { InvalidQuery } from './invalid-query';
import { quoteInput } from './quote-input';
import { splitUnquoted } from './unquoted-positions';

/** The first address of a `mailto:` link; `rest` is what follows the colon. */
export function mailtoAddress(rest: string, input: string): string {
  const query = rest.indexOf('?');
  const to = query < 0 ? rest : rest.slice(0, query);
  const first = firstAddress(decode(to, input));
  if (first !== undefined) return first;
  // RFC 6068 §2: recipients may also be given as "to=" header fields.
  const params = query < 0 ? [] : rest.slice(query + 1).split('&');
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || decode(param.slice(0, eq), input).toLowerCase() !== 'to') continue;
    const found = firstAddress(decode(param.slice(eq + 1), input));
    if (found !== undefined) return found;
  }
  throw new InvalidQuery(input, 'bad-email', `${quoteInput(input)} is a mailto: link with no address in it. Type the address itself, as in user@example.com.`);
}

/** RFC 6068 §2: addresses are separated by commas (a comma inside a quoted local part is not one). */
function firstAddress(to: string): string | undefined {
  return splitUnquoted(to, ',')
    .map((part) => part.trim())
    .find((part) => part !== '');
}

/** RFC 6068 §2 percent-encoding; "+" is a plus sign, not a space, in mailto. */
function decode(text: string, input: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new InvalidQuery(
      input,
      'bad-url',
      `${quoteInput(input)} has a broken %-escape (a "%" must be followed by two hex digits). Type the email address itself, as in user@example.com.`,
    );
  }
}
