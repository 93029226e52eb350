// Firefox: "Export everything" from one profile, "Import…" into a fresh one, a bad file changing
// nothing, as written once in scenarios/backup-scenarios.ts (Chromium runs the same: backup.e2e.test.ts).
import { firefox } from '../drivers/firefox-driver';
import { backupScenarios } from '../scenarios/backup-scenarios';

backupScenarios(firefox);
