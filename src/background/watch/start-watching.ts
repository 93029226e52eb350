/** The watch list's listeners, registered at the worker's top level (MV3), and its restore at every start. */
import { onCheckDue } from '../../platform/watch-alarms';
import { onNotificationClicked } from '../../platform/watch-alerts';
import { checkWatched, restoreWatches } from './watch-checks';
import { afterSuffixList } from '../suffix-list';

/** The Watch view: the options page, scrolled to its watch list. */
export const WATCH_PAGE = 'options.html#watch';

export function startWatching(): void {
  onCheckDue(afterSuffixList((name: string) => void checkWatched(name).catch(() => undefined)));
  onNotificationClicked(WATCH_PAGE);
  void restoreWatches().catch(() => undefined);
}
