/** The note at the top of the options page when stored records could not be read and were skipped (the rest loaded). */
import { useEffect, useState } from 'preact/hooks';
import type { UnreadableCounts } from '../../shared/storage-messages';
import type { StorageActions } from './storage-actions';

const WHAT: [keyof UnreadableCounts, string, string][] = [
  ['watch', 'watch list entry', 'watch list entries'],
  ['history', 'history record', 'history records'],
  ['bulk', 'bulk check record', 'bulk check records'],
  ['keptExplanations', 'kept explanation', 'kept explanations'],
];

/** "2 history records could not be read (damaged or from a newer MXray) and were skipped." per kind. */
export function unreadableSentences(counts: UnreadableCounts): string[] {
  return WHAT.filter(([key]) => counts[key] > 0).map(
    ([key, one, many]) =>
      `${counts[key]} ${counts[key] === 1 ? `${one} could not be read (damaged or from a newer MXray) and was skipped.` : `${many} could not be read (damaged or from a newer MXray) and were skipped.`}`,
  );
}

export function UnreadableNote({ actions, generation }: { actions: StorageActions; generation: number }) {
  const [sentences, setSentences] = useState<string[]>([]);
  useEffect(() => {
    actions.storedCounts().then(
      ({ unreadable }) => setSentences(unreadableSentences(unreadable)),
      () => setSentences([]),
    );
  }, [actions, generation]);
  if (sentences.length === 0) return null;
  return (
    <div class="notice banner" role="status" id="unreadable-records">
      {sentences.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
    </div>
  );
}
