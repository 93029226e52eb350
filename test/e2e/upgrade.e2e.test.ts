// Chromium: release 0.1.0 installed and filled, this build installed over it in the same profile
// (the unpacked extension's directory swapped while the browser is closed), everything read back,
// as written once in scenarios/upgrade-scenarios.ts (Firefox runs the same: firefox/upgrade.e2e.test.ts).
import { chromium } from './drivers/chromium-driver';
import { upgradeScenarios } from './scenarios/upgrade-scenarios';

upgradeScenarios(chromium);
