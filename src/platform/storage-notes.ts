/**
 * What storage refused, kept for the pages to say: the history that was dropped to make room,
 * and that the watch list could not be saved. One small record in `storage.local` (in Chromium
 * a store apart from IndexedDB's quota, so it usually has room when IndexedDB is full), mirrored
 * in the worker's memory so the notes still hold when even that write is refused. The worker
 * alone writes it; the pages ask it (src/shared/watch-messages.ts, `storageNotes`).
 */
import type { StorageNotes } from '../shared/watch-messages';
import { extensionApi } from './extension-api';

export type { StorageNotes };

interface StoredNotes extends StorageNotes {
  /** 1: this shape. */
  version: 1;
}

const KEY = 'storageNotes';

let memory: StorageNotes | undefined;

export async function storageNotes(): Promise<StorageNotes> {
  if (memory) return memory;
  try {
    memory = readNotes((await extensionApi.storage.local.get(KEY))[KEY]);
  } catch {
    memory = {};
  }
  return memory;
}

export function noteHistoryDropped(names: number, at: number): Promise<void> {
  return update((notes) => ({ ...notes, historyDropped: { names: (notes.historyDropped?.names ?? 0) + names, at } }));
}

export function dismissHistoryNote(): Promise<void> {
  return update(({ historyDropped: _, ...rest }) => rest);
}

/** The first refusal's time stays: the note says since when. */
export function noteWatchUnsaved(at: number): Promise<void> {
  return update((notes) => (notes.watchUnsaved ? notes : { ...notes, watchUnsaved: { at } }));
}

export function clearWatchUnsaved(): Promise<void> {
  return update(({ watchUnsaved: _, ...rest }) => rest);
}

async function update(change: (notes: StorageNotes) => StorageNotes): Promise<void> {
  const before = await storageNotes();
  const next = change(before);
  if (next === before) return;
  memory = next;
  const stored: StoredNotes = { version: 1, ...next };
  // Refused too (the disk is full): the worker's memory holds the note until it stops.
  await Promise.resolve(extensionApi.storage.local.set({ [KEY]: stored })).catch(() => undefined);
}

/** A stored value of any shape (hand-edited, older, newer) reads as the notes it holds, never throws. */
export function readNotes(value: unknown): StorageNotes {
  const notes: StorageNotes = {};
  if (typeof value !== 'object' || value === null) return notes;
  const { historyDropped, watchUnsaved } = value as Record<string, unknown>;
  const dropped = historyDropped as { names?: unknown; at?: unknown } | undefined;
  if (typeof dropped?.names === 'number' && typeof dropped.at === 'number') notes.historyDropped = { names: dropped.names, at: dropped.at };
  const unsaved = watchUnsaved as { at?: unknown } | undefined;
  if (typeof unsaved?.at === 'number') notes.watchUnsaved = { at: unsaved.at };
  return notes;
}

/** Tests: forget the memory, as a new worker would. */
export function forgetStorageNotes(): void {
  memory = undefined;
}
