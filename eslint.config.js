// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Who may import what (see ../shared/STYLE.md): a file's folder says where it runs, and a layer
 * imports only the layers below it. The per-layer tsconfigs catch stray globals; these rules
 * catch stray imports.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'worker_threads', 'stream', 'url', 'util', 'events'];
const layerRule = (patterns) => ['error', { patterns: patterns.map((group) => ({ group: group.group, message: group.message })) }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule([
        { group: nodeBuiltins, message: 'shared/ is pure: no Node APIs.' },
        { group: ['electron', '**/electron/**', '**/renderer/**', '**/central-api/**', 'react', 'react-dom', 'pino*', 'ws', 'better-sqlite3*'], message: 'shared/ imports nothing but pure libraries.' },
      ]),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule([
        { group: ['electron', '**/electron/main/**', '**/electron/preload/**', '../main/*', '../preload/*'], message: 'The core runs under plain Node: never import Electron or the shell.' },
        { group: ['**/renderer/**', 'react', 'react-dom'], message: 'The core never imports the renderer.' },
      ]),
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule([{ group: ['**/renderer/**', 'react', 'react-dom'], message: 'The shell never imports the renderer.' }]),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule([
        { group: [...nodeBuiltins, '**/core/**', '**/main/**', '**/renderer/**'], message: 'The sandboxed preload sees only electron and shared/.' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'citizen-app/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': layerRule([
        { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node APIs.' },
        { group: ['electron', '**/electron/**', '**/central-api/**'], message: 'The renderer reaches the core only through the contract.' },
      ]),
    },
  },
  {
    files: ['central-api/**/*.ts'],
    rules: {
      'no-restricted-imports': layerRule([
        { group: ['electron', '**/electron/**', '**/renderer/**'], message: 'The central API is its own server: it shares only shared/.' },
      ]),
    },
  },
);
