/**
 * The identity check_host() is run on (RFC 7208 §2.3, §2.4, §4.3): the MAIL FROM address, a
 * bare domain (taken as postmaster@domain), or, when MAIL FROM is empty (a bounce), the HELO
 * name as postmaster@helo.
 */
import type { SpfIdentity } from './types';
import { canonicalName } from './target-name';

export interface Identity {
  identity: SpfIdentity;
  /** `<domain>` of check_host(). */
  domain: string;
  /** `<sender>`: local-part@domain. */
  sender: string;
  local: string;
  helo: string | null;
}

export type IdentityResult = { ok: true; identity: Identity } | { ok: false; error: string };

export function spfIdentity(mailFrom: string, helo?: string | null): IdentityResult {
  const heloName = typeof helo === 'string' && helo.trim() !== '' ? helo.trim() : null;
  // `<>` is how SMTP writes the null reverse-path (RFC 5321 §4.5.5).
  const from = mailFrom
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim();
  if (from === '') {
    if (heloName === null) return { ok: false, error: 'The MAIL FROM is empty (a bounce), so SPF checks the HELO name: give it (--helo NAME).' };
    const domain = canonicalName(heloName);
    return { ok: true, identity: { identity: 'helo', domain, sender: `postmaster@${domain}`, local: 'postmaster', helo: heloName } };
  }
  if (!from.includes('@') && /\s/.test(from)) return { ok: false, error: `"${from.slice(0, 80)}" is not an email address or a domain.` };
  const at = from.lastIndexOf('@');
  // RFC 7208 §4.3: no local-part means "postmaster".
  const local = at < 0 ? 'postmaster' : from.slice(0, at) || 'postmaster';
  const domain = canonicalName(at < 0 ? from : from.slice(at + 1));
  return { ok: true, identity: { identity: 'mailfrom', domain, sender: `${local}@${domain}`, local, helo: heloName } };
}
