/**
 * `mxray --spf-ip IP [--helo NAME] [--json] -- SENDER`: would this server pass SPF? Runs
 * check_host() (src/core/mail/spf/check-host) through the CLI's DoH client. Exit status 0 for
 * pass, 1 for any other result, 2 for bad input.
 */
import type { DohClient } from '../../core/doh/doh-client';
import { BadSpfInput, checkSpf } from '../../core/mail/spf/check-host/check-host';
import { clientAsk } from '../../core/mail/spf/check-host/client-ask';
import { parseSendingIp } from '../../core/mail/spf/check-host/sending-ip';
import { terminalSafe } from '../terminal-safe';
import { formatSpfCheck } from './format-spf-check';

export interface SpfCheckCliOptions {
  spfIp: string;
  helo?: string;
  sender: string;
  json: boolean;
  color: boolean;
}

export interface SpfCheckIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function runSpfCheck(options: SpfCheckCliOptions, client: DohClient, io: SpfCheckIo): Promise<number> {
  const ip = parseSendingIp(options.spfIp);
  if (!ip.ok) {
    io.err(`mxray: --spf-ip: ${terminalSafe(ip.error)}`);
    return 2;
  }
  let check;
  try {
    check = await checkSpf({ ip: ip.ip.ip, sender: options.sender, helo: options.helo ?? null }, { ask: clientAsk(client) });
  } catch (error) {
    if (!(error instanceof BadSpfInput)) throw error;
    io.err(`mxray: ${terminalSafe(error.message)}`);
    return 2;
  }
  if (options.json)
    io.out(JSON.stringify({ spfCheck: { ...check, input: { ip: options.spfIp, sender: options.sender, helo: options.helo ?? null } } }, null, 2));
  else io.out(formatSpfCheck(check, ip.ip, options.color));
  return check.result === 'pass' ? 0 : 1;
}
