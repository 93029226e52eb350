/**
 * Small phrasing helpers shared by the routing checks and the mail sections, so every message names hosts, addresses and
 * the domain the same way. Plain text only: messages are never HTML.
 */
import type { Address, Exchange } from './report';
import type { Query } from './vocabulary';

/** `a`, `a and b`, `a, b and c`. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `1 server`, `2 servers`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/**
 * The domain for people. For an email query `display` may hold the whole address, so the part
 * after the last `@` is taken; IDNs stay in Unicode.
 */
export function domainDisplay(query: Query): string {
  const at = query.display.lastIndexOf('@');
  return at >= 0 ? query.display.slice(at + 1) : query.display;
}

/**
 * "mail to alice@example.com" or "mail to example.com", for sentences about consequences. The
 * domain of an email is shown in Unicode, like every other name.
 */
export function mailTo(query: Query): string {
  if (query.kind !== 'email' || !query.email) return `mail to ${domainDisplay(query)}`;
  const at = query.email.lastIndexOf('@');
  return at < 0 ? `mail to ${query.email}` : `mail to ${query.email.slice(0, at)}@${domainDisplay(query)}`;
}

/** The host as written for people (Unicode for IDNs); the null MX shows as `.`. */
export function hostDisplay(exchange: Exchange): string {
  if (exchange.state === 'null' || exchange.host === '') return '.';
  return exchange.display || exchange.host;
}

/**
 * The names an alias leads through, without the alias itself (the lookup may or may not list
 * the starting name first).
 */
export function aliasTargets(from: string, chain: readonly string[]): string[] {
  return chain[0] === from ? chain.slice(1) : [...chain];
}

/** Join sentences with single spaces, leaving out empty ones. */
export function sentences(...parts: readonly string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

/** Addresses for a sentence, IPv4 before IPv6 (answers land in either order). */
export function ipList(addresses: readonly Address[]): string {
  return listOf([...addresses].sort((a, b) => a.family - b.family).map((address) => address.ip));
}
