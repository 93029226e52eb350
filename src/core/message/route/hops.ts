/**
 * The Received chain as the route a message took: delivery order (each server adds its field
 * on top, RFC 5321 §4.4, so the bottom one is the first hop), the delay of each hop, and flags
 * for what a person should notice.
 */
import { displayText } from '../parse/display-text';
import type { Hop, HopFlag, ParsedMessage } from '../types';
import { MAX_LENGTH, parseReceived } from './received';
import { isInternalAddress } from './sender-address';

export interface HopsOptions {
  /** Received fields read at most (the topmost ones). */
  maxHops?: number;
}

export interface Route {
  hops: Hop[];
  /** Seconds from the first hop with a time to the last one with a time; null with fewer than two. */
  totalSeconds: number | null;
  notes: string[];
}

/** A real message has a few dozen Received fields at most; thousands are a mail loop or a crafted message. */
export const MAX_HOPS = 500;
/** A hop that took this long waited: greylisting (typically 1-15 minutes) or a queue. */
export const SLOW_SECONDS = 120;
/**
 * Servers stamp Received when they accept the message and their clocks are NTP-synced only
 * roughly, so a hop may look a few seconds (even tens of seconds) earlier than the one before.
 * Only more than a minute back is worth a flag: clocks that really disagree.
 */
export const CLOCK_SKEW_SECONDS = 60;

export function buildHops(message: ParsedMessage, options: HopsOptions = {}): Route {
  const maxHops = options.maxHops ?? MAX_HOPS;
  const notes: string[] = [];
  const fields = message.headers.filter((field) => field.key === 'received');
  // The topmost fields are the receiving side's own, the ones a sender cannot forge: keep those.
  const read = fields.slice(0, maxHops);
  if (fields.length > maxHops) {
    notes.push(
      `The message has ${count(fields.length)} Received lines; MXray reads the last ${count(maxHops)} added (the top ones) and skips the first ${count(fields.length - maxHops)}. A real message has a few dozen: this is a mail loop or a crafted message.`,
    );
  }
  const long = read.filter((field) => field.value.length > MAX_LENGTH).length;
  if (long > 0) {
    const which = long === 1 ? 'One Received line is' : `${count(long)} Received lines are`;
    notes.push(`${which} longer than ${MAX_LENGTH / 1024} KB; MXray read only the start and the date of each.`);
  }

  const hops: Hop[] = [];
  let previousTime: number | null = null;
  let firstTime: number | null = null;
  let timed = 0;
  for (const field of [...read].reverse()) {
    const received = parseReceived(field.value);
    const delaySeconds = received.at !== null && previousTime !== null ? Math.round((received.at - previousTime) / 1000) : null;
    if (received.at !== null) {
      previousTime = received.at;
      firstTime ??= received.at;
      timed++;
    }
    const flags: HopFlag[] = [];
    if (delaySeconds !== null && delaySeconds >= SLOW_SECONDS) flags.push('slow');
    if (delaySeconds !== null && delaySeconds < -CLOCK_SKEW_SECONDS) flags.push('clock-skew');
    // Between servers only: a local hand-over (no from clause) never crosses a network.
    if (received.tls === false && received.from !== null) flags.push('no-tls');
    if (received.ip !== null && isInternalAddress(received.ip)) flags.push('private-ip');
    // RFC 5321 §4.4 requires the time stamp; missing or unreadable, the hop has no time.
    if (received.at === null) flags.push('unparsed-date');
    hops.push({
      from: received.helo,
      by: received.by,
      ip: received.ip,
      with: received.with,
      tls: received.tls,
      at: received.at === null ? null : new Date(received.at).toISOString(),
      delaySeconds,
      text: shown(field.value),
      flags,
    });
  }
  const totalSeconds = firstTime !== null && previousTime !== null && timed > 1 ? Math.round((previousTime - firstTime) / 1000) : null;
  return { hops, totalSeconds, notes };
}

/** The field for people, cut like the parser cuts it: a 1 MB Received line is not shown whole. */
function shown(value: string): string {
  return value.length > MAX_LENGTH ? `${displayText(value.slice(0, MAX_LENGTH))}…` : displayText(value);
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
