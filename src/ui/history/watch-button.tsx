/** "Watch": any report's name can be put on the watch list, re-checked in the background. */
import { useEffect, useState } from 'preact/hooks';
import type { WatchActions } from '../actions';

export function WatchButton({ input, actions }: { input: string; actions: WatchActions }) {
  const [state, setState] = useState<'unknown' | 'off' | 'on' | 'busy'>('unknown');
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    actions.isWatched(input).then(
      (watched) => live && setState(watched ? 'on' : 'off'),
      () => live && setState('off'),
    );
    return () => {
      live = false;
    };
  }, [input, actions]);
  if (state === 'unknown') return null;
  const watch = () => {
    setState('busy');
    setProblem(undefined);
    // Called in the click's task: the notification permission prompt needs it.
    actions.watch(input).then(
      () => setState('on'),
      (error: unknown) => {
        setState('off');
        setProblem(error instanceof Error ? error.message : String(error));
      },
    );
  };
  return (
    <div class="watch-row">
      {state === 'on' ? (
        <span class="watching" role="status">
          Watching: checked every 6 hours by default. {/* An extension page: a link opens the options page in a tab, no API needed. */}
          <a href="options.html#watch" target="_blank" rel="noopener">
            Watch list
          </a>
        </span>
      ) : (
        <button type="button" onClick={watch} disabled={state === 'busy'}>
          Watch for changes
        </button>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
