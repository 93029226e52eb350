/**
 * "Kept explanations" (`storage.local`, key `keptExplanations`): what a person chose to keep of
 * an explained message, never the message (list-record.ts has the list's versions).
 */
import type { MessageExplanation } from '../message/types';
import { isNumber, isObject, isStrings, type Read } from '../versioned';
import { migrateList, storedList, type ReadList, type StoredList } from './list-record';

export { LIST_VERSION as CURRENT_VERSION } from './list-record';

/** At most this many are kept, newest first. */
export const MAX_KEPT = 100;

export interface KeptExplanation {
  verdict: string;
  verdictKind: MessageExplanation['verdictKind'];
  domains: string[];
  /** Epoch ms when it was kept. */
  at: number;
}

const KINDS = new Set(['authenticated', 'not-authenticated', 'bounced', 'unverifiable']);

export function isKept(value: unknown): value is KeptExplanation {
  return isObject(value) && typeof value.verdict === 'string' && KINDS.has(value.verdictKind as string) && isNumber(value.at) && isStrings(value.domains);
}

export function migrateKept(raw: unknown): Read<ReadList<KeptExplanation>> {
  return migrateList('list of kept explanations', raw, isKept);
}

export const storedKept = (items: KeptExplanation[]): StoredList<KeptExplanation> => storedList(items);
