/**
 * The machine-readable part of a DSN, message/delivery-status (RFC 3464 §2): a group of
 * per-message fields (Reporting-MTA, Arrival-Date...), then one group per recipient
 * (Final-Recipient, Action, Status, Remote-MTA, Diagnostic-Code...), groups separated by
 * empty lines, fields folded like a header. Typed values ("rfc822; a@example.net",
 * "smtp; 550 ...") keep only the part after the type. Bounded; never throws.
 */
import type { ByteString } from '../types';
import { parseStatusCode } from './status-codes';
import { collapse } from './smtp-reply';

export type DsnAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

export interface DsnRecipient {
  finalRecipient: string | null;
  originalRecipient: string | null;
  action: DsnAction | null;
  status: string | null;
  remoteMta: string | null;
  /** Diagnostic-Code's type, lower case: "smtp" for an SMTP reply (RFC 3464 §2.3.6). */
  diagnosticType: string | null;
  diagnosticCode: string | null;
}

export interface DeliveryStatus {
  reportingMta: string | null;
  arrivalDate: string | null;
  recipients: DsnRecipient[];
}

const ACTIONS: readonly DsnAction[] = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'];
const MAX_SCAN = 256 * 1024;
const MAX_GROUPS = 100;
const MAX_VALUE = 2000;

function groupsOf(body: ByteString): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  let last: string | null = null;
  for (const rawLine of body.slice(0, MAX_SCAN).split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') {
      current = null;
      last = null;
      continue;
    }
    if (current === null) {
      if (groups.length >= MAX_GROUPS) break;
      current = new Map();
      groups.push(current);
    }
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== null) {
      const joined = (current.get(last) ?? '') + ' ' + line.trim();
      current.set(last, joined.slice(0, MAX_VALUE));
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 60) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!current.has(last)) current.set(last, line.slice(colon + 1, colon + 1 + MAX_VALUE).trim());
  }
  return groups;
}

/** "rfc822; a@example.net" -> "a@example.net" (RFC 3464 §2.3.1 address-type; value). */
function typedValue(value: string | undefined): { type: string | null; value: string | null } {
  if (value === undefined) return { type: null, value: null };
  const semi = value.indexOf(';');
  const type = semi > 0 ? value.slice(0, semi).trim().toLowerCase() : null;
  const rest = collapse(semi > 0 ? value.slice(semi + 1) : value);
  return { type, value: rest === '' ? null : rest };
}

function address(value: string | undefined): string | null {
  const text = typedValue(value).value?.replace(/^<|>$/g, '') ?? null;
  return text && text.length <= 320 && !/\s/.test(text) ? text : null;
}

/** "dns; mx.example.net. (192.0.2.80, the server for ...)" -> "mx.example.net": comments and the root dot dropped. */
function hostName(value: string | undefined): string | null {
  const text = typedValue(value).value;
  if (text === null) return null;
  const bare = text.split('(')[0]?.trim().replace(/\.$/, '') ?? '';
  return bare === '' ? text : bare;
}

function recipientOf(group: Map<string, string>): DsnRecipient {
  const action = (group.get('action') ?? '').trim().toLowerCase().split(/\s/)[0] ?? '';
  const diagnostic = typedValue(group.get('diagnostic-code'));
  return {
    finalRecipient: address(group.get('final-recipient')),
    originalRecipient: address(group.get('original-recipient')),
    action: (ACTIONS as readonly string[]).includes(action) ? (action as DsnAction) : null,
    status: parseStatusCode((group.get('status') ?? '').trim().split(/\s/)[0] ?? ''),
    remoteMta: hostName(group.get('remote-mta')),
    diagnosticType: diagnostic.type,
    diagnosticCode: diagnostic.value,
  };
}

export function readDeliveryStatus(body: ByteString): DeliveryStatus {
  const groups = groupsOf(body);
  const recipients = groups.filter((group) => group.has('final-recipient') || group.has('action') || group.has('status')).map(recipientOf);
  const perMessage = groups.find((group) => group.has('reporting-mta') || group.has('arrival-date')) ?? new Map<string, string>();
  return {
    reportingMta: typedValue(perMessage.get('reporting-mta')).value,
    arrivalDate: perMessage.get('arrival-date') ?? null,
    recipients,
  };
}

/** The recipient the report is about: the first that failed, else the first delayed, else the first. */
export function pickRecipient(recipients: readonly DsnRecipient[]): DsnRecipient | null {
  const failed = (r: DsnRecipient) => r.action === 'failed' || (r.action === null && r.status?.startsWith('5.'));
  return recipients.find(failed) ?? recipients.find((r) => r.action === 'delayed' || r.status?.startsWith('4.')) ?? recipients[0] ?? null;
}
