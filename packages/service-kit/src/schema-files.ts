import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * SDL several subgraphs declare alike, kept once: the service kit's directive and scalar, the audit log's
 * types, pagination, the figures the sectors hand LĐTBXH. Federation wants each `@shareable` type in every
 * subgraph that returns it; a copy per subgraph drifted apart. A subgraph's `src/schema.graphql` names the
 * parts it uses in a line `# shared: kit audit …`, and whatever reads a subgraph's schema (its server,
 * codegen, composition, the access-rule tests) reads them after it, from `src/schema/<part>.graphql`.
 */
const SHARED_LINE = /^# shared:(.*)$/m;
const partsDir = new URL('schema/', import.meta.url);

/** The shared parts a subgraph's schema text names, in order; a part the kit does not have is refused. */
function partsNamed(schemaText: string, schemaFile: URL): URL[] {
  const names = SHARED_LINE.exec(schemaText)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  return names.map((name) => {
    const part = new URL(`${name}.graphql`, partsDir);
    if (!existsSync(part)) {
      const known = readdirSync(partsDir).map((file) => file.replace(/\.graphql$/, ''));
      throw new Error(`${schemaFile.pathname}: no shared schema part "${name}" (known: ${known.join(', ')})`);
    }
    return part;
  });
}

/** A subgraph's SDL files: its own `src/schema.graphql`, then each shared part it names, in order. */
export const subgraphSchemaFiles = (schemaFile: URL): URL[] => [
  schemaFile,
  ...partsNamed(readFileSync(schemaFile, 'utf8'), schemaFile),
];

/** A subgraph's whole SDL: its own file and the shared parts it names. */
export function readSubgraphSdl(schemaFile: URL): string {
  const own = readFileSync(schemaFile, 'utf8');
  return [own, ...partsNamed(own, schemaFile).map((part) => readFileSync(part, 'utf8'))].join('\n');
}
