import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The web's operations typed against the committed supergraph: every `graphql(`…`)` document in src/
 * gets its result and variable types in src/generated/ (not committed; `npm run generate`, which the
 * build, typecheck and lint tasks run first).
 */
const config: CodegenConfig = {
  schema: '../../infra/supergraph.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string' },
        avoidOptionals: { field: true, inputValue: false },
        skipTypename: true,
      },
    },
  },
};

export default config;
