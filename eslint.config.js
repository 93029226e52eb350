// Lint rules that keep the architecture honest (docs/architecture.md):
// - src/core is pure: no extension APIs, no DOM-only globals, no imports from the shells;
// - only src/platform touches the extension APIs;
// - shells may import core and shared, never each other;
// - src/ui (components the shells share) reaches no extension API and no shell: it gets
//   `{report, actions}` from them;
// - src/shared (the types both ends of a port use) imports no UI.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const shells = ['background', 'popup', 'content', 'options', 'cli', 'bulk-page', 'message-page'];
/** Every shell's folder, for the layers below the shells (core, ui, shared), which import none. */
const shellGlobs = shells.map((shell) => `**/${shell}/**`);
const shellImports = (except) =>
  shells.filter((s) => s !== except).map((s) => ({ group: [`**/${s}/**`, `../${s}/*`, `../../${s}/*`], message: `Shells do not import each other (${s}).` }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.stack/**', '**/.scratch/**', '.scratch-bench/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='innerHTML']", message: 'DNS data is text: never innerHTML.' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'webextension-polyfill', message: 'src/core knows nothing of extension APIs.' },
            { name: 'preact', message: 'src/core has no UI.' },
          ],
          patterns: [
            {
              group: [...shellGlobs, '**/platform/**', '**/shared/**'],
              message: 'src/core imports no shell.',
            },
            { group: ['node:*'], message: 'src/core runs in browsers too: no Node built-ins.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'document', 'window', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['src/ui/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'src/ui gets actions from its shell; only src/platform touches extension APIs.' }],
          patterns: [
            {
              group: [...shellGlobs, '**/platform/**'],
              message: 'src/ui imports no shell and no platform: the shell passes it {report, actions}.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'chrome', 'browser'],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'webextension-polyfill', message: 'src/shared holds plain types and data.' },
            { name: 'preact', message: 'src/shared has no UI.' },
          ],
          patterns: [
            {
              group: [...shellGlobs, '**/ui/**', '**/platform/**'],
              message: 'src/shared imports only src/core.',
            },
          ],
        },
      ],
    },
  },
  ...shells.map((shell) => ({
    files: [`src/${shell}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'Only src/platform touches extension APIs.' }],
          patterns: shellImports(shell),
        },
      ],
      'no-restricted-globals': shell === 'cli' ? 'off' : ['error', 'chrome', 'browser'],
    },
  })),
);
