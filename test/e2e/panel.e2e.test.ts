// Chromium: the in-page panel from the real context menu, as written once in
// scenarios/panel-scenarios.ts (Firefox runs the same: firefox/panel.e2e.test.ts). In Chromium
// the right-click is Playwright's mouse (which opens the native menu in a headful browser) and
// a real `m` key press through X picks MXray's entry; see harness/person.ts.
import { chromium } from './drivers/chromium-driver';
import { panelScenarios } from './scenarios/panel-scenarios';

panelScenarios(chromium);
