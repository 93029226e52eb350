// Firefox: the in-page panel from the real context menu, as written once in
// scenarios/panel-scenarios.ts (Chromium runs the same: panel.e2e.test.ts). Real X pointer and
// keys throughout; the menu's entries are read from the browser's own UI (harness/person.ts).
import { firefox } from '../drivers/firefox-driver';
import { panelScenarios } from '../scenarios/panel-scenarios';

panelScenarios(firefox);
