/** Entry point of options.html: the shared palette and our styles, then the page against the real browser. */
import { render } from 'preact';
import sharedCss from '../ui/styles.css';
import optionsCss from './options.css';
import { browserOptionsActions } from './options-actions';
import { OptionsPage } from './options-page';

/** Set by the build from package.json. */
declare const MXRAY_VERSION: string | undefined;

const style = document.createElement('style');
style.textContent = sharedCss + optionsCss;
document.head.append(style);

const version = typeof MXRAY_VERSION === 'string' ? MXRAY_VERSION : 'dev';
render(<OptionsPage actions={browserOptionsActions} version={version} />, document.getElementById('app')!);
