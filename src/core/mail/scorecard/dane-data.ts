/**
 * `report.mail.dane` as the scorecard reads it: per MX host, the DANE status (RFC 7672). Read
 * through a guard, not the section's own types, so the scorecard runs with and without a DANE
 * section (an older stored report, or a build without one) and says "not checked" then.
 */

export type DaneHostStatus = 'valid' | 'insecure' | 'none' | 'unusable' | 'failed';

export interface DaneHostView {
  host: string;
  status: DaneHostStatus;
  rollover: boolean;
}

export interface DaneView {
  /** `pending` while TLSA answers are still coming; absent in sections that do not say. */
  status?: string;
  hosts: DaneHostView[];
}

const STATUSES = new Set<string>(['valid', 'insecure', 'none', 'unusable', 'failed']);

function isHost(value: unknown): value is DaneHostView {
  if (typeof value !== 'object' || value === null) return false;
  const host = value as Record<string, unknown>;
  return typeof host['host'] === 'string' && typeof host['status'] === 'string' && STATUSES.has(host['status']);
}

/** The DANE part of the mail diagnostics, when there is one to read. Hosts of an unknown shape are left out. */
export function daneOf(mail: object): DaneView | undefined {
  const dane = (mail as { dane?: unknown }).dane;
  if (typeof dane !== 'object' || dane === null) return undefined;
  const { hosts, status } = dane as { hosts?: unknown; status?: unknown };
  if (!Array.isArray(hosts)) return undefined;
  return {
    ...(typeof status === 'string' ? { status } : {}),
    hosts: hosts.filter(isHost).map((host) => ({ host: host.host, status: host.status, rollover: host.rollover === true })),
  };
}
