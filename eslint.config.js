import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'release/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    files: ['main/**/*.ts', 'db/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['main/**/*.ts', 'db/**/*.ts'],
    ignores: ['main/hosts/desktop/**'],
    rules: {
      // The core stays plain Node: only the desktop host may touch Electron.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/hosts/desktop may import electron.' }] }],
    },
  },
  {
    files: ['main/hosts/desktop/**/*.ts'],
    ignores: ['main/hosts/desktop/security.ts'],
    rules: {
      // External links go through safeOpenExternal in security.ts, which allows https only.
      'no-restricted-properties': ['error', { object: 'shell', property: 'openExternal', message: 'Use safeOpenExternal from security.ts.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+main/(?!contract|core/(quantity|errors|import/csv))', message: 'The renderer imports only the contract, and a few pure core modules (quantities, errors, CSV quoting), from main/.' }] },
      ],
    },
  },
);
