/**
 * Entry point of popup.html's first script, popup-early.js: a classic script in the head, so it
 * runs as the document is parsed, before popup.js's module graph has loaded. It starts the
 * lookup (early-lookup.ts, issue 24) and leaves it for popup.js.
 */
import { handOn, queryOfPage, startEarly } from './early-lookup';

handOn(startEarly(queryOfPage(location.search)));
