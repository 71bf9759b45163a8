// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Where each layer of a subgraph lives (see docs/ARCHITECTURE.md): the fences below keep them apart. */
const RESOLVERS = ['apps/*/src/resolvers/**/*.ts'];
const DOMAIN = ['apps/*/src/domain/**/*.ts'];
const TESTS = [
  '**/*.test.ts',
  '**/*.test-fixture.ts',
  '**/vitest.config.ts',
  '**/vitest.shared.ts',
  'packages/test-kit/**',
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/generated/**', '**/node_modules/**', '**/.data/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Every raw statement is a sql template with bound values (packages/database/src/typed-sql.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^\\$(queryRaw|executeRaw)Unsafe$/]',
          message: 'Use a sql`…` template (queryRows/execute from @ecd/database).',
        },
      ],
      // The environment is read, validated and typed in one place per deployable: its env.ts.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the environment in env.ts only.' },
      ],
    },
  },
  {
    files: RESOLVERS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/generated/prisma/**', '@prisma/*', '@ecd/database'],
              allowTypeImports: true,
              message: 'Resolvers stay thin: the database is reached through the data layer (src/data/).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[property.name=/^(prisma|\\$queryRaw|\\$executeRaw|\\$queryRawUnsafe|\\$executeRawUnsafe|\\$transaction)$/]',
          message: 'Resolvers stay thin: no Prisma or SQL here; call the data layer.',
        },
      ],
    },
  },
  {
    files: DOMAIN,
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/generated/**', '@prisma/*', '@ecd/database', '**/data/**', '**/resolvers/**', 'dataloader'],
              message: 'domain/ holds pure rules: nothing generated, no database.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/*/src/**/*.ts'],
    ignores: [...TESTS, 'apps/*/src/demo/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/demo/**', '@ecd/synthetic-data', '@ecd/synthetic-data/*'],
              message: 'Demo and synthetic data belong to the demo path (src/demo/), never to production code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: TESTS,
    rules: {
      'no-restricted-properties': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/cli.ts', 'infra/**/*.ts', '**/bin/**'],
    rules: { 'no-console': 'off' },
  },
);
