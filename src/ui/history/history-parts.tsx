/** "Since last time…" and the Watch button with their styles: one lazy chunk (lazy-history.tsx). */
import type { SinceLast } from '../../core/history/since-last';
import type { WatchActions } from '../actions';
import css from './history-parts.css';
import { SinceLastBanner } from './since-last-banner';
import { WatchButton } from './watch-button';

export function SinceLastPart({ since }: { since: SinceLast }) {
  return (
    <>
      <style>{css}</style>
      <SinceLastBanner since={since} />
    </>
  );
}

export function WatchPart({ input, actions }: { input: string; actions: WatchActions }) {
  return (
    <>
      <style>{css}</style>
      <WatchButton input={input} actions={actions} />
    </>
  );
}
