// Firefox: the bulk page as a person uses it (paste, run, the progress bar through an event-page
// stop, filter, export and read the files, a right-clicked selection handed to it), as written
// once in scenarios/bulk-scenarios.ts (Chromium runs the same: bulk.e2e.test.ts).
import { firefox } from '../drivers/firefox-driver';
import { bulkScenarios } from '../scenarios/bulk-scenarios';

bulkScenarios(firefox);
