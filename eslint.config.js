import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Product code never reaches test scaffolding, so MSW stays out of the bundle.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/mocks/*', '**/tests/*', 'msw', 'msw/*'] }] },
  },
  ...[
    { files: ['src/domain/*.ts'], outside: '../*' },
    { files: ['src/domain/*/**/*.ts'], outside: '../../*' },
  ].map(({ files, outside }) => ({
    // src/domain is pure: no I/O, no React, nothing of ours outside it.
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            outside,
            'node:*',
            'react',
            'react-*',
            '@mui/*',
            'kysely',
            'hono',
            '@hono/*',
            'msw',
            'msw/*',
          ],
        },
      ],
    },
  })),
);
