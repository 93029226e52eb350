/**
 * explainMessage(): the answer to "why?" for a pasted message, a header block, a bounce or a
 * lone SMTP error line. STUB while the parts are written (issue #22); the signature is final.
 */
import type { DnsAsk } from '../mail/dns-ask';
import type { ByteString, MessageExplanation } from './types';

export interface ExplainContext {
  /** DNS, through the user's resolver (DKIM keys, SPF, DMARC). */
  ask: DnsAsk;
  /** Milliseconds clock (x= expiry, SPF's t macro). */
  now: () => number;
  signal?: AbortSignal;
}

/** Nothing in the input looks like a message, a header block or a bounce: the shells say so (CLI exit 2). */
export class NotAMessage extends Error {}

export async function explainMessage(input: ByteString, context: ExplainContext): Promise<MessageExplanation> {
  void input;
  void context;
  throw new NotAMessage('Explaining messages is not written yet.');
}
