/**
 * The mail diagnostics' buttons, for extension pages and the in-page panel: compare resolvers
 * and settings changes go to the worker; the MTA-STS origin permission can only be asked for
 * from an extension page (content scripts have no `permissions.request`), so the panel leaves
 * that button out.
 */
import type { Settings } from '../shared/settings';
import type { MailActions } from '../ui/actions';
import { MAX_SELECTORS } from './dkim-selector-cap';
import { requestOrigin } from './permissions';
import { sendRequest } from './requests';

/** Sends only the field changed, so an options tab's change made meanwhile is not undone. */
async function updateSettings<K extends keyof Settings>(key: K, change: (settings: Settings) => Settings[K]): Promise<void> {
  await sendRequest('changeSettings', { [key]: change(await loadSettings()) });
}

function loadSettings() {
  return sendRequest('getSettings', undefined);
}

export function mailActions(options: { canRequestPermissions: boolean }): MailActions {
  const actions: MailActions = {
    compareResolvers: (input) => sendRequest('compareResolvers', { input }),
    checkSpf: (request) => sendRequest('checkSpf', request),
    addDkimSelector: (selector) =>
      updateSettings('dkimSelectors', ({ dkimSelectors }) =>
        // The newest last; over the cap, the oldest goes (the worker would otherwise drop the new one).
        dkimSelectors.includes(selector) ? dkimSelectors : [...dkimSelectors, selector].slice(-MAX_SELECTORS),
      ),
    enableBlocklists: () => updateSettings('blocklists', () => true),
  };
  // Must run in the click's task: browsers only show a permission prompt for a user gesture.
  if (options.canRequestPermissions) actions.allowPolicyFetch = (domain) => requestOrigin(`https://mta-sts.${domain}/`);
  return actions;
}
