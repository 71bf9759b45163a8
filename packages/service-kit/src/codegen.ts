import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

import { subgraphSchemaFiles } from './schema-files.js';

/**
 * graphql-codegen settings every subgraph uses: resolver types from `src/schema.graphql` and the shared parts
 * it names (schema-files.ts) into `src/generated/graphql.ts`, typed against the subgraph's context and its
 * own model mappers.
 */
export function subgraphCodegenConfig(mappers: Record<string, string> = {}): CodegenConfig {
  return {
    schema: subgraphSchemaFiles(pathToFileURL('src/schema.graphql')).map((file) => fileURLToPath(file)),
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
