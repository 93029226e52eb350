/**
 * The mail diagnostics' buttons, for extension pages and the in-page panel: compare resolvers
 * and settings changes go to the worker; the MTA-STS origin permission can only be asked for
 * from an extension page (content scripts have no `permissions.request`), so the panel leaves
 * that button out.
 */
import type { MailActions } from '../ui/actions';
import { MAX_SELECTORS } from './dkim-selector-cap';
import { requestOrigin } from './permissions';
import { sendRequest } from './requests';

async function updateSettings(change: (settings: Awaited<ReturnType<typeof loadSettings>>) => void): Promise<void> {
  const settings = await loadSettings();
  change(settings);
  await sendRequest('saveSettings', settings);
}

function loadSettings() {
  return sendRequest('getSettings', undefined);
}

export function mailActions(options: { canRequestPermissions: boolean }): MailActions {
  const actions: MailActions = {
    compareResolvers: (input) => sendRequest('compareResolvers', { input }),
    checkSpf: (request) => sendRequest('checkSpf', request),
    addDkimSelector: (selector) =>
      updateSettings((settings) => {
        // The newest last; over the cap, the oldest goes (the worker would otherwise drop the new one).
        if (!settings.dkimSelectors.includes(selector)) settings.dkimSelectors = [...settings.dkimSelectors, selector].slice(-MAX_SELECTORS);
      }),
    enableBlocklists: () =>
      updateSettings((settings) => {
        settings.blocklists = true;
      }),
  };
  // Must run in the click's task: browsers only show a permission prompt for a user gesture.
  if (options.canRequestPermissions) actions.allowPolicyFetch = (domain) => requestOrigin(`https://mta-sts.${domain}/`);
  return actions;
}
