/** Entry point of message.html: the shared palette and ours, then the page, wired to the worker (DNS only) and storage. */
import { render } from 'preact';
import { explainMessage } from '../core/message/explain-message';
import { clearKeptExplanations, keepExplanation, keptExplanations } from '../platform/kept-explanations';
import { workerDnsAsk } from '../platform/message-dns';
import { takeHandedMessage } from '../platform/message-page';
import { sendRequest } from '../platform/requests';
import { resultPageUrl } from '../platform/tabs';
import sharedCss from '../ui/styles.css';
import { applyTheme } from '../ui/theme';
import { MessageApp } from './message-app';
import messageCss from './message.css';

const style = document.createElement('style');
style.textContent = sharedCss + messageCss;
document.head.append(style);
void sendRequest('getSettings', undefined).then(
  (settings) => applyTheme(document.documentElement, settings.theme),
  () => undefined,
);

// A right-clicked selection waits in storage.session under the id the hash names: read once, then gone.
const handoff = new URLSearchParams(location.hash.slice(1)).get('handoff');
if (handoff) history.replaceState(null, '', location.pathname);
const handed = handoff ? takeHandedMessage(handoff).catch(() => undefined) : undefined;

render(
  <MessageApp
    platform={{
      explain: explainMessage,
      ask: workerDnsAsk(),
      reportUrl: resultPageUrl,
      kept: { list: keptExplanations, keep: keepExplanation, clear: clearKeptExplanations },
    }}
    {...(handed ? { handed } : {})}
  />,
  document.getElementById('app')!,
);
