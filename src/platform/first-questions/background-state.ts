/**
 * Is the extension's background (Chromium's service worker, Firefox's background page) running
 * right now? Asked without waking it: `runtime.getContexts` lists live contexts only, and the
 * question goes to the browser, not to the background. The popup asks it as it opens (issue 24):
 * a running worker asks the first questions fastest, a stopped one should not start while the
 * page asks them (on two cores its start takes the CPU the page needs to show the first row).
 * `unknown` where the browser has no `getContexts` (the page then asks and wakes the worker at
 * once, as before this existed).
 */
import { extensionApi } from '../extension-api';

export type BackgroundState = 'running' | 'stopped' | 'unknown';

type GetContexts = (filter: { contextTypes: string[] }) => Promise<unknown[]>;

export async function backgroundState(): Promise<BackgroundState> {
  // Not in @types/webextension-polyfill; the polyfill passes methods it has no metadata for through.
  const getContexts = (extensionApi.runtime as unknown as { getContexts?: GetContexts }).getContexts;
  if (typeof getContexts !== 'function') return 'unknown';
  try {
    const contexts = await getContexts({ contextTypes: ['BACKGROUND'] });
    return Array.isArray(contexts) ? (contexts.length > 0 ? 'running' : 'stopped') : 'unknown';
  } catch {
    return 'unknown';
  }
}
