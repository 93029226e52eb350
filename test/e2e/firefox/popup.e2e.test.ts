// Firefox: the toolbar popup, the result page and the address bar, as written once in
// scenarios/popup-scenarios.ts (Chromium runs the same: popup.e2e.test.ts). Headful Firefox ESR
// on a private Xvfb display; see README.md here for what is real and what is read another way.
import { firefox } from '../drivers/firefox-driver';
import { popupScenarios } from '../scenarios/popup-scenarios';

popupScenarios(firefox);
