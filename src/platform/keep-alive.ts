/**
 * A bulk run outlives the page that started it, but an MV3 worker with no event for 30 s is
 * stopped. Any extension API call resets that timer (Chrome 110+), so while a run goes on the
 * worker asks for something harmless every 20 s. If the worker is stopped anyway, the run is
 * in IndexedDB and resumes when the worker next starts.
 */
import { extensionApi } from './extension-api';

export function keepWorkerAlive(): () => void {
  const timer = setInterval(() => void extensionApi.runtime.getPlatformInfo().catch(() => undefined), 20_000);
  return () => clearInterval(timer);
}
