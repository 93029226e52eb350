/**
 * "Explain a message" asks its DNS questions here (DKIM keys, SPF, DMARC): the page parses and
 * verifies the message itself, so the message never leaves it; only the questions do, through
 * the worker's DoH client (the user's resolver, fallback, the cache the lookups share). The page
 * is ours (the router checks the sender), but what it asks comes from a hostile message: the
 * name and type are checked here too, and a bad one is an answer with an error, never a throw.
 */
import type { AskResult, MailQuestionType } from '../../core/mail/dns-ask';
import { clientAsk } from '../../core/mail/spf/check-host/client-ask';
import type { Requests } from '../../shared/messages';
import { engine, persistCacheSoon } from '../engine';

const TYPES: ReadonlySet<MailQuestionType> = new Set(['TXT', 'A', 'AAAA', 'MX', 'PTR']);
/** A DNS name is at most 253 characters as text (RFC 1035 §2.3.4, 255 octets on the wire). */
const MAX_NAME = 253;

export async function messageDnsAsk(request: Requests['messageDnsAsk'][0]): Promise<AskResult> {
  const name = typeof request?.name === 'string' ? request.name : '';
  const type = TYPES.has(request?.type) ? request.type : 'TXT';
  const depth = typeof request?.depth === 'number' && Number.isFinite(request.depth) ? Math.max(0, Math.floor(request.depth)) : 0;
  if (!TYPES.has(request?.type) || name === '' || name.length > MAX_NAME) {
    return { name, type, status: 'error', values: [], authenticated: false, depth, error: { code: 'bad-question', message: 'Not a DNS question MXray asks.' } };
  }
  const { client } = await engine();
  try {
    // clientAsk reads only `after.depth`: the round trips of the answer that led here.
    return await clientAsk(client)(name, type, depth > 0 ? ({ depth } as AskResult) : undefined);
  } finally {
    persistCacheSoon();
  }
}
