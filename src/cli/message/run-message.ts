/**
 * `mxray --message FILE|-`: explain a message, a header block or a bounce (issue #22). The
 * message stays on this machine; only DNS questions (DKIM keys, SPF, DMARC) go to the resolver.
 * Exit status: 0 authenticated (DMARC pass, or an aligned DKIM pass without DMARC), 1 not
 * authenticated, not fully verifiable, or a bounce, 2 bad input.
 */
import type { DohClient } from '../../core/doh/doh-client';
import { explainMessage, NotAMessage } from '../../core/message/explain-message';
import { byteString } from '../../core/message/parse/byte-string';
import { clientAsk } from '../../core/mail/spf/check-host/client-ask';
import type { CliIo } from '../cli-io';
import { terminalSafe } from '../terminal-safe';
import { formatMessage } from './format-message';
import { readMessageFile } from './read-message-file';

export interface MessageCliOptions {
  path: string;
  json: boolean;
  color: boolean;
}

export async function runMessage(options: MessageCliOptions, client: DohClient, io: CliIo, stdin: AsyncIterable<Uint8Array>): Promise<number> {
  const input = await readMessageFile(options.path, stdin);
  if ('error' in input) {
    io.err(`mxray: --message: ${terminalSafe(input.error)}`);
    return 2;
  }
  let explanation;
  try {
    explanation = await explainMessage(byteString(input.bytes), { ask: clientAsk(client), now: Date.now, size: input.size });
  } catch (error) {
    if (!(error instanceof NotAMessage)) throw error;
    io.err(`mxray: --message: ${terminalSafe(error.message)}`);
    return 2;
  }
  io.out(options.json ? JSON.stringify(explanation, null, 2) : formatMessage(explanation, { color: options.color, timeZone: io.env.TZ }));
  return explanation.verdictKind === 'authenticated' ? 0 : 1;
}
