/**
 * The theme setting, applied as `data-theme` on the root of our UI: the popup's <html>, or the
 * panel's host element (styles.css reads it from `:root` and `:host`). `system` removes the
 * attribute, so `prefers-color-scheme` decides, and keeps following the system as it changes.
 */
import type { Theme } from '../shared/settings';

export function applyTheme(root: HTMLElement, theme: Theme): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
