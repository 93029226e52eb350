// Chromium: the toolbar popup, the result page and the address bar, as written once in
// scenarios/popup-scenarios.ts (Firefox runs the same: firefox/popup.e2e.test.ts). Headful
// Chromium on a private Xvfb display; see harness/person.ts for what is real.
import { chromium } from './drivers/chromium-driver';
import { popupScenarios } from './scenarios/popup-scenarios';

popupScenarios(chromium);
