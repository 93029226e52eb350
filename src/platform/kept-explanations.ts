/**
 * "Kept explanations": what a person chose to keep of an explained message (never kept on its
 * own): the verdict, its kind, the domains and the time, in `storage.local`, newest first, at most
 * 100. Never the message, its headers or its subject.
 */
import type { MessageExplanation } from '../core/message/types';
import { extensionApi } from './extension-api';

export interface KeptExplanation {
  verdict: string;
  verdictKind: MessageExplanation['verdictKind'];
  domains: string[];
  /** Epoch ms when it was kept. */
  at: number;
}

const KEY = 'keptExplanations';
export const MAX_KEPT = 100;

export async function keptExplanations(): Promise<KeptExplanation[]> {
  const stored = (await extensionApi.storage.local.get(KEY))[KEY];
  return Array.isArray(stored) ? (stored as KeptExplanation[]).filter(isKept) : [];
}

export async function keepExplanation(entry: KeptExplanation): Promise<KeptExplanation[]> {
  const kept = [entry, ...(await keptExplanations())].slice(0, MAX_KEPT);
  await extensionApi.storage.local.set({ [KEY]: kept });
  return kept;
}

export async function clearKeptExplanations(): Promise<void> {
  await extensionApi.storage.local.remove(KEY);
}

function isKept(value: unknown): value is KeptExplanation {
  const entry = value as Partial<KeptExplanation> | null;
  return typeof entry === 'object' && entry !== null && typeof entry.verdict === 'string' && typeof entry.at === 'number' && Array.isArray(entry.domains);
}
