/**
 * The panel's content: a non-modal dialog named "MXray" with a Close button, the quick box, and
 * the lookup it was opened for. Each time the worker injects the panel again (another right
 * click), `openCount` grows and the panel asks which query it is for, reusing itself.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LookupRequest } from '../shared/messages';
import type { ReportActions } from '../ui/actions';
import { LookupView } from '../ui/lookup-view';
import { QuickBox } from '../ui/quick-box';
import { useLookup, type StartLookup } from '../ui/use-lookup';
import { SelectionList } from './selection-list';

export interface PanelPlatform {
  start: StartLookup;
  actions: ReportActions;
  /** The query the panel was opened for (asked once per opening). */
  takeQuery: () => Promise<string | undefined>;
  getRecent: () => Promise<string[]>;
  /** The domains of a multi-domain selection, with verdicts (absent in tests that do not need it). */
  watchSelection?: Parameters<typeof SelectionList>[0]['watch'];
}

export interface PanelAppProps {
  platform: PanelPlatform;
  openCount: number;
  onClose: () => void;
}

export function PanelApp({ platform, openCount, onClose }: PanelAppProps) {
  const [state, run, rerun] = useLookup(platform.start);
  const [recent, setRecent] = useState<string[]>([]);
  const [waiting, setWaiting] = useState(true);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    platform.getRecent().then(setRecent, () => setRecent([]));
  }, []);

  useEffect(() => {
    setWaiting(true);
    // Focus moves into the panel, so Esc closes it and a screen reader announces it.
    dialog.current?.focus();
    platform.takeQuery().then(
      (input) => {
        setWaiting(false);
        if (input) run(request(input, 'menu'));
      },
      () => setWaiting(false),
    );
  }, [openCount]);

  return (
    <div ref={dialog} role="dialog" aria-modal="false" aria-label="MXray" class="mxray panel" tabIndex={-1}>
      <div class="bar">
        <span class="brand" aria-hidden="true">
          MXray
        </span>
        <button type="button" class="close-button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </div>
      <QuickBox onLookup={(input) => run(request(input, 'typed'))} recent={recent} autoFocus={!waiting && !state.request} />
      {platform.watchSelection && <SelectionList watch={platform.watchSelection} openCount={openCount} />}
      {state.request && <LookupView state={state} actions={platform.actions} headingLevel={2} rerun={rerun} />}
    </div>
  );
}

function request(input: string, source: LookupRequest['source']): LookupRequest {
  return { type: 'lookup', input, source };
}
