// Chromium: falling back from a hanging default resolver, as written once in
// scenarios/fallback-scenarios.ts (Firefox runs the same: firefox/fallback.e2e.test.ts).
import { chromium } from './drivers/chromium-driver';
import { fallbackScenarios } from './scenarios/fallback-scenarios';

fallbackScenarios(chromium);
