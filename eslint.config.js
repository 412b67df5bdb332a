import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const channelLiteral = {
  selector:
    'CallExpression[callee.property.name=/^(invoke|handle|on|send|removeHandler)$/] > Literal:first-child[value=/^confbar:/]',
  message: 'Channel strings live only in shared/contract.ts.',
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
          paths: [
            { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' },
          ],
        },
      ],
    },
  },
  {
    // Core is the product's logic: it never reaches up into the shell, its rules, or the CLI.
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' },
          ],
          patterns: [
            {
              group: ['**/main/**', '**/preload/**', '**/shell/**', '**/cli/**'],
              message: 'electron/core never imports the shell, the preload or the CLI.',
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
