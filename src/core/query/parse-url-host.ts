/**
 * The host of a URL, read from the text itself rather than from `new URL()`: the URL parser
 * quietly turns legacy IPv4 forms into addresses (`http://0x7f.1/` -> 127.0.0.1), and MXray
 * refuses those instead of guessing. RFC 3986 §3.2 authority syntax, with the WHATWG parser's
 * leniency for what browsers show: `\` as `/`, any number of slashes.
 */
import { InvalidQuery } from './invalid-query';
import { quoteInput } from './quote-input';

export interface UrlHost {
  /** Percent-decoded host, without brackets. */
  host: string;
  /** Was it `[...]`, an IP literal (RFC 3986 §3.2.2)? */
  bracketed: boolean;
}

/** `text` is everything after `scheme:`, or the whole of a scheme-less `example.com/path`. */
export function parseUrlHost(text: string, input: string): UrlHost {
  const bad = (why: string) => new InvalidQuery(input, 'bad-url', `${quoteInput(input)} ${why}`);
  const afterSlashes = text.replace(/^[/\\]+/, '');
  const end = afterSlashes.search(/[/\\?#]/);
  const authority = end < 0 ? afterSlashes : afterSlashes.slice(0, end);
  // RFC 3986 §3.2.1 userinfo ends at the last "@" (a password may hold more).
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  let host: string;
  let port: string;
  let bracketed = false;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) throw bad('opens a "[" for an IPv6 address but never closes it, as in http://[2001:db8::1]/.');
    host = hostPort.slice(1, close);
    port = hostPort.slice(close + 1);
    bracketed = true;
  } else {
    const colon = hostPort.indexOf(':');
    host = colon < 0 ? hostPort : hostPort.slice(0, colon);
    port = colon < 0 ? '' : hostPort.slice(colon);
  }
  if (host === '') throw bad('has no host name in it; a web address looks like https://example.com/.');
  if (port !== '' && !/^:[0-9]*$/.test(port)) {
    throw bad(`has ${quoteInput(port.slice(0, 20))} where a port number belongs; a port is digits only, as in example.com:8080.`);
  }
  if (bracketed) {
    host = host.replace(/%25/g, '%'); // RFC 6874: a zone's "%" is written "%25" in a URL
  } else if (host.includes('%')) {
    try {
      host = decodeURIComponent(host); // the URL parser percent-decodes hosts too (WHATWG URL §3.5)
    } catch {
      throw bad('has a broken %-escape in its host name (a "%" must be followed by two hex digits).');
    }
  }
  return { host, bracketed };
}
