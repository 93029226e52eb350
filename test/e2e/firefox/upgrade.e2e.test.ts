// Firefox: release 0.1.0 installed and filled, this build installed over it in the running browser
// (a temporary add-on with the same gecko id: an update), everything read back, as written once in
// ../scenarios/upgrade-scenarios.ts (Chromium runs the same: ../upgrade.e2e.test.ts).
import { firefox } from '../drivers/firefox-driver';
import { upgradeScenarios } from '../scenarios/upgrade-scenarios';

upgradeScenarios(firefox);
