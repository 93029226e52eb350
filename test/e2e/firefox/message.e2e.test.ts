// Firefox: "Explain a message" as a person uses it (the popup's link, a file picked and one
// dropped, a right-clicked selection of header lines, a hostile message), as written once in
// scenarios/message-scenarios.ts (Chromium runs the same: message.e2e.test.ts).
import { firefox } from '../drivers/firefox-driver';
import { messageScenarios } from '../scenarios/message-scenarios';

messageScenarios(firefox);
