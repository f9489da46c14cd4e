import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** One no-restricted-imports rule per zone; each pattern is a regex over the import's specifier. */
const zones = (list) =>
  list.map(({ files, rules }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: rules.map(({ regex, message }) => ({ regex, message })) }] },
  }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      // U+3000 spaces inside strings are how Chinese forms align labels (e.g. 姓 + two U+3000 + 名).
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
    },
  },
  // Layers that enforce themselves (README "The house in one page"): each zone names what it may not import.
  ...zones([
    {
      files: ['renderer/**/*.{ts,tsx}'],
      rules: [
        { regex: '^electron$', message: 'The renderer is untrusted and runs in a browser: it talks to the main process only through api/ (the contract).' },
        { regex: '^(\\.\\./)+electron(/|$)', message: 'The renderer never imports electron/: use the channel through api/ and types from shared/.' },
      ],
    },
    {
      files: ['electron/core/**/*.ts'],
      rules: [
        { regex: '^electron(/.*)?$', message: 'electron/core is plain Node and never imports Electron: a host gives it a port (context.types.ts).' },
        { regex: '^(\\.\\./)+(main|server|preload|cli)(/|$)', message: 'electron/core never imports a host (main, server, preload, cli): hosts import the core.' },
        { regex: '^(\\.\\./)+renderer(/|$)', message: 'electron/core never imports the renderer.' },
      ],
    },
    {
      files: ['shared/**/*.ts'],
      rules: [
        { regex: '^(\\.\\./)+(electron|renderer|test|build)(/|$)', message: 'shared/ imports nothing of ours outside shared/ (both sides of the contract use it).' },
        { regex: '^(electron|better-sqlite3|exceljs|react|react-dom|antd)(/.*)?$', message: 'shared/ stays free of host, database and UI libraries.' },
      ],
    },
    {
      files: ['electron/cli/**/*.ts'],
      rules: [
        { regex: '^(\\.\\./)+(server|main)(/|$)', message: 'The CLI does not import a host (server, main); shared ports live in electron/core (e.g. print/pdf-chromium.ts).' },
        { regex: '^electron(/.*)?$', message: 'The CLI runs under plain Node, without Electron.' },
      ],
    },
    {
      files: ['electron/server/**/*.ts'],
      rules: [
        { regex: '^(\\.\\./)+(main|cli)(/|$)', message: 'The browser host does not import the Electron host or the CLI.' },
        { regex: '^electron(/.*)?$', message: 'The browser host runs under plain Node, without Electron.' },
      ],
    },
    {
      files: ['electron/main/**/*.ts'],
      rules: [{ regex: '^(\\.\\./)+(server|cli)(/|$)', message: 'The Electron host does not import the browser host or the CLI.' }],
    },
  ]),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
