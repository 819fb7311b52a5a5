// Flat config. The layering rules of ARCHITECTURE.md are errors: a wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const UI_AND_STORAGE = ['react', 'react-dom', 'react/*', 'dexie', 'dexie-react-hooks', 'zustand', 'zustand/*', 'recharts', 'jspdf', 'jspdf-autotable', 'electron', 'fastify', '@tanstack/*'];

/** Patterns of `no-restricted-imports` for one layer. */
const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...forbid(
        [...UI_AND_STORAGE, 'node:*', 'fs', 'path', 'os', 'crypto', '**/src-renderer/**', '**/src-main/**', '**/src-server/**'],
        'src-core est du TypeScript pur : ni UI, ni stockage, ni Electron, ni Node (ARCHITECTURE.md).',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process', 'require'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(['electron', 'node:*', 'fastify', '**/src-server/**', '**/src-main/*', '!**/src-main/ipc-contract'], 'Le renderer ne parle au processus principal que par src-renderer/platform (ARCHITECTURE.md).'),
    },
  },
  {
    // Only the data layer talks to Dexie.
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/data/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*', 'fastify', '**/src-server/**'], message: 'Le renderer ne parle au processus principal que par src-renderer/platform (ARCHITECTURE.md).' },
            { group: ['dexie', 'dexie/*'], message: 'Seul src-renderer/data parle à Dexie (ARCHITECTURE.md).' },
          ],
        },
      ],
    },
  },
  {
    // Only the platform layer reads window.api.
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/platform/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'api', message: 'Seul src-renderer/platform lit window.api (ARCHITECTURE.md).' }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: forbid(['react', 'react-dom', 'dexie', 'recharts', 'jspdf', '**/src-renderer/**', '**/src-server/**'], 'src-main est un shell fin : pas d\'UI ni de stockage du renderer (ARCHITECTURE.md).'),
  },
  {
    files: ['src-server/**/*.ts'],
    rules: forbid(['react', 'react-dom', 'dexie', 'recharts', 'jspdf', 'electron', '**/src-renderer/**', '**/src-main/**'], 'Le serveur ne dépend que de src-core (ARCHITECTURE.md).'),
  },
  {
    files: ['tests/e2e/**/*.ts', 'tests/electron/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
