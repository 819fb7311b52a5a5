// Flat config. The layering rules of ARCHITECTURE.md are errors: a wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Bare module names are matched exactly (`paths`), so a local file such as
// ./electron.ts is not mistaken for the electron package; folders use globs.
const UI_AND_STORAGE = ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'zustand', 'recharts', 'jspdf', 'electron', 'fastify', '@tanstack/react-virtual'];
const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'url'];

/** One `no-restricted-imports` rule per layer: exact packages plus glob and regex patterns, one message. */
const restrict = ({ modules = [], patterns = [], regex = [] }, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: modules.map((name) => ({ name, message })),
      patterns: [...(patterns.length ? [{ group: patterns, message }] : []), ...regex.map((r) => ({ regex: r, message }))],
    },
  ],
});

// What any renderer file outside data/ may not import.
const RENDERER = {
  modules: ['electron', 'fastify', 'dexie', 'dexie-react-hooks', ...NODE_BUILTINS],
  patterns: ['node:*', 'dexie/*', '**/src-server/**', '**/src-main/*', '!**/src-main/ipc-contract'],
};
const RENDERER_MESSAGE = 'Couches (ARCHITECTURE.md) : le renderer passe par platform/ pour le processus principal, et seul src-renderer/data parle à Dexie.';

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
      ...restrict(
        {
          modules: [...UI_AND_STORAGE, ...NODE_BUILTINS],
          patterns: ['react/*', 'react-dom/*', 'zustand/*', 'dexie/*', 'jspdf/*', 'node:*', '**/src-renderer/**', '**/src-main/**', '**/src-server/**'],
        },
        'src-core est du TypeScript pur : ni UI, ni stockage, ni Electron, ni Node (ARCHITECTURE.md).',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process', 'require'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The renderer reaches the main process only through platform/ (and the shared IPC contract types).
    // Only the shell (and main.tsx) knows the features; the rooms below them never import upwards.
    files: ['src-renderer/shell/**/*.{ts,tsx}', 'src-renderer/main.tsx'],
    rules: restrict(RENDERER, RENDERER_MESSAGE),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/data/**', 'src-renderer/shell/**', 'src-renderer/main.tsx', 'src-renderer/features/**'],
    rules: restrict(
      { modules: RENDERER.modules, patterns: [...RENDERER.patterns, '**/features/**', '**/shell/**'] },
      `${RENDERER_MESSAGE} Seul le shell connaît les écrans (features/).`,
    ),
  },
  {
    // A feature imports no other feature and not the shell: the shell composes them (components/slots).
    files: ['src-renderer/features/**/*.{ts,tsx}'],
    rules: restrict(
      { modules: RENDERER.modules, patterns: [...RENDERER.patterns, '**/shell/**', '**/features/**'], regex: [String.raw`^\.\./(?!\.)`] },
      `${RENDERER_MESSAGE} Un écran (features/) n'importe ni un autre écran ni le shell : le shell les compose (components/slots).`,
    ),
  },
  {
    files: ['src-renderer/data/**/*.{ts,tsx}'],
    rules: restrict(
      { modules: ['electron', 'fastify', 'react-dom', 'recharts', 'jspdf', ...NODE_BUILTINS], patterns: ['node:*', '**/src-server/**', '**/src-main/**', '**/features/**', '**/documents/**', '**/sync/**'] },
      'Couches (ARCHITECTURE.md) : src-renderer/data ne dépend que de src-core et de Dexie.',
    ),
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
    rules: restrict(
      { modules: ['react', 'react-dom', 'dexie', 'recharts', 'jspdf'], patterns: ['**/src-renderer/**', '**/src-server/**'] },
      "src-main est un shell fin : pas d'UI ni de stockage du renderer (ARCHITECTURE.md).",
    ),
  },
  {
    files: ['src-server/**/*.ts'],
    rules: restrict(
      { modules: ['react', 'react-dom', 'dexie', 'recharts', 'jspdf', 'electron'], patterns: ['**/src-renderer/**', '**/src-main/**'] },
      'Le serveur ne dépend que de src-core (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['tests/e2e/**/*.ts', 'tests/electron/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // The bench page measures the bare Dexie bulkPut, the baseline the sync issue compares
    // the app's writes with: it may import dexie (the rest of the renderer layering still holds).
    files: ['src-renderer/bench/**/*.ts'],
    rules: restrict(
      { modules: ['electron', 'fastify', 'dexie-react-hooks', ...NODE_BUILTINS], patterns: ['node:*', '**/src-server/**', '**/src-main/*', '!**/src-main/ipc-contract'] },
      'Couches (ARCHITECTURE.md) : le banc de mesure peut importer dexie (référence nue), rien du processus principal ni du serveur.',
    ),
  },
);
