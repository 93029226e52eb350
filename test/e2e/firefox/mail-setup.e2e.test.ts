// Firefox: the "Mail setup" diagnostics and their buttons, the MTA-STS permission doorhanger
// included, as written once in scenarios/mail-setup-scenarios.ts (Chromium runs the same:
// mail-setup.e2e.test.ts).
import { firefox } from '../drivers/firefox-driver';
import { mailSetupScenarios } from '../scenarios/mail-setup-scenarios';

mailSetupScenarios(firefox);
