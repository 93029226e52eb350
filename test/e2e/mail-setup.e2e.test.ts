// Chromium: the "Mail setup" diagnostics and their buttons, the MTA-STS permission prompt
// included, as written once in scenarios/mail-setup-scenarios.ts (Firefox runs the same:
// firefox/mail-setup.e2e.test.ts).
import { chromium } from './drivers/chromium-driver';
import { mailSetupScenarios } from './scenarios/mail-setup-scenarios';

mailSetupScenarios(chromium);
