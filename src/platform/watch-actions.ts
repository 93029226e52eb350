/** The report's Watch button, for extension pages (the popup and the result page). */
import type { WatchActions } from '../ui/actions';
import { sendRequest } from './requests';
import { askForNotificationsOnce } from './watch-alerts';

export function watchActions(): WatchActions {
  return {
    isWatched: (input) => sendRequest('isWatched', { input }),
    // First, in the click's task: the permission prompt (once); refused or not, the watch is set.
    watch: (input) => askForNotificationsOnce().then(async () => void (await sendRequest('watchName', { input }))),
  };
}
