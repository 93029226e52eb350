// Firefox: two things at once (issue 25): two bulk pages on one run, two starts at the same
// moment, and the options page in two tabs while settings change in both, as written once in
// scenarios/concurrency-scenarios.ts (Chromium runs the same: concurrency.e2e.test.ts).
import { firefox } from '../drivers/firefox-driver';
import { concurrencyScenarios } from '../scenarios/concurrency-scenarios';

concurrencyScenarios(firefox);
