import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * graphql-codegen settings every subgraph uses: resolver types from `src/schema.graphql` into
 * `src/generated/graphql.ts`, typed against the subgraph's context and its own model mappers.
 */
export function subgraphCodegenConfig(mappers: Record<string, string> = {}): CodegenConfig {
  return {
    schema: 'src/schema.graphql',
    generates: {
      'src/generated/graphql.ts': {
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useTypeImports: true,
          enumsAsTypes: true,
          contextType: '../context.js#Context',
          mappers,
          mapperTypeSuffix: 'Model',
          scalars: { Date: { input: 'Date', output: 'Date | string' } },
          avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
          maybeValue: 'T | null',
          inputMaybeValue: 'T | null | undefined',
        },
      },
    },
  };
}
