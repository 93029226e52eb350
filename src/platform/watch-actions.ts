/** The report's Watch button, for extension pages (the popup and the result page). */
import type { WatchActions } from '../ui/actions';
import { extensionApi } from './extension-api';
import { sendRequest } from './requests';
import { askForNotificationsOnce } from './watch-alerts';

export function watchActions(): WatchActions {
  return {
    isWatched: (input) => sendRequest('isWatched', { input }),
    watch: async (input) => {
      // First, in the click's task: the permission prompt (once); refused or not, the watch is set.
      const asked = askForNotificationsOnce();
      await asked;
      await sendRequest('watchName', { input });
    },
    openWatchList: () => void extensionApi.tabs.create({ url: extensionApi.runtime.getURL('options.html#watch') }),
  };
}
