// Chromium: two things at once (issue 25): two bulk pages on one run, two starts at the same
// moment, and the options page in two tabs while settings change in both, as written once in
// scenarios/concurrency-scenarios.ts (Firefox runs the same: firefox/concurrency.e2e.test.ts).
import { chromium } from './drivers/chromium-driver';
import { concurrencyScenarios } from './scenarios/concurrency-scenarios';

concurrencyScenarios(chromium);
