/** Entry point of bulk.html: the shared palette and our styles, then the page against the worker. */
import { render } from 'preact';
import { connectBulk } from '../platform/bulk-port';
import { sendRequest } from '../platform/requests';
import { resultPageUrl } from '../platform/tabs';
import sharedCss from '../ui/styles.css';
import { applyTheme } from '../ui/theme';
import { BulkApp } from './bulk-app';
import bulkCss from './bulk.css';

const style = document.createElement('style');
style.textContent = sharedCss + bulkCss;
document.head.append(style);
void sendRequest('getSettings', undefined).then(
  (settings) => applyTheme(document.documentElement, settings.theme),
  () => undefined,
);

// A selection handed over by the in-page panel or the menu travels in the hash, read once.
const hash = new URLSearchParams(location.hash.slice(1));
const handed = hash.get('text') ?? '';
if (handed) history.replaceState(null, '', location.pathname);

render(
  <BulkApp connect={connectBulk} reportUrl={resultPageUrl} initialText={handed} autoStart={handed !== '' && hash.get('start') === '1'} />,
  document.getElementById('app')!,
);
