/**
 * The recipient's domain, for the link to its mail servers: the address the receiving side
 * delivered to (Delivered-To, X-Original-To, Envelope-To: the envelope, set by the receiver)
 * before the To field the sender wrote (which may list many, or none of the real recipients).
 */
import { addressDomain } from '../parse/addresses';
import type { ParsedMessage } from '../types';

const RECIPIENT_FIELDS = ['delivered-to', 'x-original-to', 'envelope-to', 'to'];

export function recipientDomain(message: ParsedMessage): string | null {
  for (const key of RECIPIENT_FIELDS) {
    const field = message.headers.find((candidate) => candidate.key === key);
    if (!field) continue;
    // The first address of the field; a display name may come before it.
    const address = /<([^<>\s]+@[^<>\s]+)>/.exec(field.value)?.[1] ?? /[^\s,<>"]+@[^\s,<>"]+/.exec(field.value)?.[0];
    const domain = address ? addressDomain(address) : null;
    if (domain) return domain;
  }
  return null;
}
