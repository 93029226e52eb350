// Chromium: "Export everything" from one profile, "Import…" into a fresh one, a bad file changing
// nothing, as written once in scenarios/backup-scenarios.ts (Firefox: firefox/backup.e2e.test.ts).
import { chromium } from './drivers/chromium-driver';
import { backupScenarios } from './scenarios/backup-scenarios';

backupScenarios(chromium);
