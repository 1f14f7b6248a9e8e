import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyHere = 'Electron is imported only in main/electron/ and preload/: keep everything else plain Node so it is testable.';
const rawIpc = 'Raw ipcMain/ipcRenderer only in main/electron/ipc.ts and preload/index.ts: go through the contract.';
const restrictedEverywhere = [
  { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
  {
    // electron-vite declares `require` at the top of an ES bundle that needs one: a second one breaks the bundle.
    selector: "VariableDeclarator[id.name='require']",
    message: 'Do not declare a variable named require: name the createRequire result for what it resolves.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-syntax': ['error', ...restrictedEverywhere],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: electronOnlyHere }] }],
    },
  },
  {
    files: ['renderer/**', 'harness/bridge-client.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-syntax': [
        'error',
        ...restrictedEverywhere,
        {
          // A native date/time input shows the browser's (in Electron: the OS's) locale, not the app's language.
          selector: "JSXAttribute[name.name='type'][value.value=/^(date|datetime-local|time|month|week)$/]",
          message: 'Use DateField (renderer/components/DateField.tsx): dates follow the app language, not the browser locale.',
        },
      ],
    },
  },
  {
    // Electron's own folders may import electron, but not its raw IPC objects outside the one wrapper each.
    files: ['main/electron/**', 'preload/**', 'e2e/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: rawIpc }] },
      ],
    },
  },
  {
    files: ['main/electron/ipc.ts', 'main/electron/ipc.test.ts', 'preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tool configuration files, and the tests' global setup (Playwright takes only a default export), are loaded by their tools through a default export.
    files: ['*.config.ts', '*.config.js', 'harness/vite.config.ts', 'build-checks/vitest.config.ts', 'scripts/testing/temp-root.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
