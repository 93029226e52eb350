/**
 * The only door to the extension APIs. Firefox exposes promise-based `browser.*`; Chrome (MV3)
 * exposes promise-based `chrome.*`, which Firefox also provides. We use whichever exists, so no
 * polyfill is shipped; browser differences are handled in this folder and nowhere else.
 */
export const extensionApi: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? globalThis.chrome;
