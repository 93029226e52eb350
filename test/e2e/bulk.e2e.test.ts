// Chromium: the bulk page as a person uses it (paste, run, the progress bar through a
// service-worker stop, filter, export and read the files, a right-clicked selection handed to it),
// as written once in scenarios/bulk-scenarios.ts (Firefox runs the same: firefox/bulk.e2e.test.ts).
// Screenshots mid-run and finished, light and dark, and of the panel's selection list.
import { chromium } from './drivers/chromium-driver';
import { bulkScenarios } from './scenarios/bulk-scenarios';

bulkScenarios(chromium);
