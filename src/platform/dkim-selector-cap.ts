/**
 * MAX_EXTRA_SELECTORS of src/core/mail/dkim/selectors.ts, not imported: that module's list of
 * common selectors would then load with the popup (a test keeps the two equal). On its own so
 * that test can read it without loading the extension APIs (which need an extension to run in).
 */
export const MAX_SELECTORS = 20;
