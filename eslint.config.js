import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const channelLiteral = {
  selector:
    'CallExpression[callee.property.name=/^(invoke|handle|on|send|removeHandler)$/] > Literal:first-child[value=/^confbar:/]',
  message: 'Channel strings live only in shared/contract.ts.',
};

// One rule for barrels: there are none. A module exports what it defines; callers import the module that
// defines a thing, so a folder has no second front door that drifts (the unused cloudagent/index.ts did).
const noReexports = [
  { selector: 'ExportAllDeclaration', message: 'No barrels: import from the module that defines it.' },
  {
    selector: 'ExportNamedDeclaration[source]',
    message: 'No barrels: import from the module that defines it.',
  },
];

const electronOnlyInShell = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', channelLiteral],
    },
  },
  {
    files: [
      'electron/core/**',
      'electron/shell/**',
      'electron/main/**',
      'electron/preload/**',
      'shared/**',
      'renderer/**',
    ],
    rules: { 'no-restricted-syntax': ['error', channelLiteral, ...noReexports] },
  },
  {
    // Where code may run is part of its path: the core, simulator, CLI and shared code never load Electron.
    files: [
      'electron/core/**',
      'electron/shell/**',
      'electron/simulator/**',
      'electron/cli/**',
      'shared/**',
      'renderer/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
        },
      ],
    },
  },
  {
    // Core is the product's logic: it never reaches up into the shell, its rules, the CLI or the simulator
    // (demo mode gets its simulator through the StartDemo port in shared/demo.ts).
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              group: ['**/main/**', '**/preload/**', '**/shell/**', '**/cli/**', '**/simulator/**'],
              message:
                'electron/core never imports the shell, the preload, the CLI or the simulator (pass a port instead).',
            },
          ],
        },
      ],
    },
  },
  {
    // The simulator is the suite's idea of CloudAgent, written from the API's documentation: it speaks
    // shared/'s vocabulary (shared/cloudagent.ts) and imports none of the client it is there to test.
    files: ['electron/simulator/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              group: [
                '**/core/**',
                '**/main/**',
                '**/preload/**',
                '**/shell/**',
                '**/cli/**',
                '**/renderer/**',
              ],
              message:
                'electron/simulator imports only shared/ and itself: it must not agree with the client by construction.',
            },
          ],
        },
      ],
    },
  },
  {
    // shared/ is the bottom layer, loaded by every side including the renderer: it imports nothing of ours.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', '../*'],
              message: 'shared/ imports only shared/ (and libraries).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'electron',
            'keytar',
            'fs',
            'node:fs',
            'child_process',
            'node:child_process',
            'http',
            'https',
            'node:http',
            'node:https',
          ],
          patterns: ['**/electron/core/**', '**/electron/main/**'],
        },
      ],
    },
  },
);
