// Chromium: the options page from the popup's link and what its choices change, as written once
// in scenarios/options-scenarios.ts (Firefox runs the same: firefox/options.e2e.test.ts).
import { chromium } from './drivers/chromium-driver';
import { optionsScenarios } from './scenarios/options-scenarios';

optionsScenarios(chromium);
