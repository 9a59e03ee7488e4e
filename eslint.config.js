// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Fast, syntax-level lint (no type information: tsc already checks types in `npm test`).
 * The import boundaries of conventions.md are rules here: web never imports server, shared
 * imports neither (shared is isomorphic and has no I/O).
 */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'tmp/**', 'server/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '../server/*', '../../server/*', '../../../server/*'], message: 'web must not import server code; share through shared/.' }] }],
    },
  },
  {
    // Thin routes (conventions.md §1): a route parses, authorizes, calls a use case and presents;
    // queries live in repositories and use cases, never in a route file (issue 7 §6).
    files: ['server/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'No ORM in route files: call a use case or a repository function.' },
            { group: ['**/db/schema', '**/db/schema/*', '**/db/schema/**'], message: 'No tables in route files: call a use case or a repository function.' },
          ],
        },
      ],
    },
  },
  {
    // Component tests wait for the event (findBy…), never poll against a wall clock: waitFor
    // retried an assertion on a timer and timed out on a loaded machine (issue 7 §6).
    files: ['web/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/server/**', '../server/*', '../../server/*', '../../../server/*'], message: 'web must not import server code; share through shared/.' }],
          paths: [{ name: '@testing-library/react', importNames: ['waitFor'], message: 'Wait for the event with findBy… (or a promise the callback resolves), not by polling.' }],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/web/**'], message: 'shared imports neither server nor web.' },
            { group: ['node:*', 'fs', 'path', 'pg', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*', 'fastify', 'react', 'react-dom'], message: 'shared is isomorphic and has no I/O.' },
          ],
        },
      ],
    },
  },
);
