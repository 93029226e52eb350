// Firefox: falling back from a hanging default resolver, as written once in
// scenarios/fallback-scenarios.ts (Chromium runs the same: fallback.e2e.test.ts).
import { firefox } from '../drivers/firefox-driver';
import { fallbackScenarios } from '../scenarios/fallback-scenarios';

fallbackScenarios(firefox);
