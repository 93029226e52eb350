// Firefox: the options page from the popup's link and what its choices change, as written once
// in scenarios/options-scenarios.ts (Chromium runs the same: options.e2e.test.ts).
import { firefox } from '../drivers/firefox-driver';
import { optionsScenarios } from '../scenarios/options-scenarios';

optionsScenarios(firefox);
