/**
 * Composes the supergraph from the subgraphs' SDL files into infra/supergraph.graphql.
 * `--check` writes nothing and fails when composition fails or the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

import { readSubgraphSdl } from '@ecd/service-kit/schema-files';

const root = new URL('../../', import.meta.url);
const outputUrl = new URL('infra/supergraph.graphql', root);
const { subgraphs } = JSON.parse(readFileSync(new URL('infra/subgraphs.json', root), 'utf8')) as {
  subgraphs: { name: string; url: string; schema: string }[];
};

const result = composeServices(
  subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(readSubgraphSdl(new URL(s.schema, root))) })),
);

if (result.errors) {
  console.error(`Composition failed with ${result.errors.length} error(s):`);
  for (const error of result.errors) {
    const code = (error.extensions?.code as string | undefined) ?? 'ERROR';
    console.error(`  [${code}] ${error.message}`);
  }
  process.exit(1);
}

const supergraph = `${result.supergraphSdl.trimEnd()}\n`;
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(outputUrl, 'utf8');
  } catch {
    // missing file: reported as stale below
  }
  if (committed !== supergraph) {
    console.error(
      'infra/supergraph.graphql is out of date with the subgraph schemas. Run `npm run compose` and commit the result.',
    );
    process.exit(1);
  }
  console.log(`supergraph composes and matches infra/supergraph.graphql (${subgraphs.length} subgraphs)`);
} else {
  writeFileSync(outputUrl, supergraph);
  console.log(`wrote infra/supergraph.graphql (${subgraphs.length} subgraphs)`);
}
