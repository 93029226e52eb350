/**
 * The panel's host: `<mxray-panel>` on document.documentElement with an open shadow root (open
 * so end-to-end tests can read it; the page could read it either way, and it holds nothing
 * secret). Styles live in the shadow root, so the page's CSS cannot reach in and ours cannot
 * leak out. Closing unmounts the UI (which cancels the lookup) and removes the host entirely.
 */
import { render } from 'preact';
import type { Theme } from '../shared/settings';
import css from '../ui/styles.css';
import { applyTheme } from '../ui/theme';
import panelCss from './panel.css';
import { PanelApp, type PanelPlatform } from './panel-app';

export const PANEL_TAG = 'mxray-panel';

export interface MountedPanel {
  /** Injected again: ask the worker for the new query, in the same panel. */
  reopen: () => void;
  close: () => void;
  readonly host: HTMLElement;
}

export function mountPanel(platform: PanelPlatform, theme: Promise<Theme>, onClosed: () => void): MountedPanel {
  // Where the person was (the link they right-clicked, a field): focus goes back there on close,
  // not to the top of the page, so keyboard and screen reader users keep their place.
  const previous = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  const host = document.createElement(PANEL_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css + panelCss;
  const container = document.createElement('div');
  shadow.append(style, container);
  document.documentElement.append(host);
  theme.then(
    (value) => applyTheme(host, value),
    () => undefined,
  );

  let openCount = 0;
  const draw = () => render(<PanelApp platform={platform} openCount={openCount} onClose={close} />, container);

  // Esc closes the panel when focus is in it (the page sees the host as active) or nowhere in
  // particular; an Esc meant for the page's own fields and dialogs is left alone.
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const active = document.activeElement;
    if (active === host || active === document.body || active === null) {
      event.preventDefault();
      close();
    }
  };
  document.addEventListener('keydown', onKey);

  function close() {
    document.removeEventListener('keydown', onKey);
    render(null, container);
    host.remove();
    if (previous?.isConnected) previous.focus({ preventScroll: true });
    onClosed();
  }

  const reopen = () => {
    openCount++;
    draw();
  };
  reopen();
  return { reopen, close, host };
}
