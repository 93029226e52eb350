/**
 * The settings as the options page holds them: loaded once, saved on every change (only the
 * fields changed, over what is stored), and followed when another tab saves them. A change shows at once (the page never waits to move a
 * checkbox); if the save fails it is undone and the reason shown. The status line reads
 * "Saving…" then "Saved", so every save is announced, not only the first.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../shared/settings';
import type { OptionsActions } from './options-actions';
import { settingsChange } from './settings-change';

export interface SavedSettings {
  /** Undefined until loaded. */
  settings: Settings | undefined;
  /** The latest settings, for handlers that finish after an `await`. */
  latest: () => Settings | undefined;
  /** Resolves with the stored settings, or undefined when saving failed (the change is undone). */
  save: (next: Settings) => Promise<Settings | undefined>;
  /** The text of the page's status line: "Saved", "Saving…", "Loading settings…". */
  status: string;
  setStatus: (text: string) => void;
  /** A sentence for the page's alert, when loading or saving failed. */
  problem: string | undefined;
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useSavedSettings(actions: OptionsActions): SavedSettings {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [status, setStatus] = useState('Loading settings…');
  const [problem, setProblem] = useState<string | undefined>();
  const latestRef = useRef<Settings | undefined>(undefined);
  /** Counts saves, so only the last one's answer (or failure) touches the page. */
  const saves = useRef(0);

  const show = useCallback((next: Settings) => {
    latestRef.current = next;
    setSettings(next);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    actions.getSettings().then(
      (loaded) => {
        if (controller.signal.aborted) return;
        show(loaded);
        setStatus('');
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setStatus('');
        setProblem(`MXray could not load its settings: ${errorText(error)}`);
      },
    );
    actions.onSettingsChanged(show, controller.signal);
    return () => controller.abort();
  }, [actions, show]);

  const save = useCallback(
    async (next: Settings) => {
      const previous = latestRef.current;
      const mine = ++saves.current;
      show(next);
      setStatus('Saving…');
      setProblem(undefined);
      try {
        // Only what this page changed: another tab's change it has not heard of yet stays.
        const stored = await actions.changeSettings(previous ? settingsChange(previous, next) : next);
        if (mine === saves.current) {
          show(stored);
          setStatus('Saved');
        }
        return stored;
      } catch (error) {
        if (mine === saves.current) {
          if (previous) show(previous);
          setStatus('');
          setProblem(`Not saved: ${errorText(error)}`);
        }
        return undefined;
      }
    },
    [actions, show],
  );

  return { settings, latest: () => latestRef.current, save, status, setStatus, problem };
}
