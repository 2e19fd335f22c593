// Flat config: typescript-eslint with type information. The one rule of the house is enforced here:
// src/core and src/cli never import vscode, so the core is unit-tested in plain node and serves the CLI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_VSCODE = {
  name: 'vscode',
  message:
    'src/core, src/cli and unit tests must not import vscode (see the one rule of the house in CONTRIBUTING.md).',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'scripts/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-nocheck': true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    rules: {
      // `return out(HELP), 0;` hides a call inside an expression; say the two steps on two lines instead.
      'no-sequences': 'error',
    },
  },
  // The layers by module name and by path: nothing below the adapter imports `vscode`, and nothing imports a
  // layer above its own (core < cli, vscode < extension), not even one step removed through a relative path.
  // Flat config keeps only the last `no-restricted-imports` per file, so each group states its whole list.
  {
    files: ['test/unit/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE] }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_VSCODE],
          patterns: [
            {
              group: ['**/vscode/**', '**/cli/**', '**/extension'],
              message: 'src/core stands below the adapters: it may not import src/vscode, src/cli or src/extension.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_VSCODE],
          patterns: [
            {
              group: ['**/vscode/**', '**/extension'],
              message:
                'src/cli is an adapter over the core beside src/vscode: it may not import src/vscode or src/extension.',
            },
          ],
        },
      ],
    },
  },
);
