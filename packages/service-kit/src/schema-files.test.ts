import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { readSubgraphSdl, subgraphSchemaFiles } from './schema-files.js';
import { buildGuardedSubgraphSchema } from './subgraph.js';

const FEDERATION =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

function schemaFile(text: string): URL {
  const file = join(mkdtempSync(join(tmpdir(), 'ecd-schema-')), 'schema.graphql');
  writeFileSync(file, text);
  return pathToFileURL(file);
}

const typeNames = (sdl: string) =>
  parse(sdl).definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION ? [d.name.value] : []));

describe('subgraphSchemaFiles', () => {
  it('gives the file, then the parts its `# shared:` line names, in that order', () => {
    const file = schemaFile(`# shared: pagination kit\n${FEDERATION}\n`);
    expect(subgraphSchemaFiles(file).map((f) => f.href)).toEqual([
      file.href,
      expect.stringMatching(/\/service-kit\/src\/schema\/pagination\.graphql$/),
      expect.stringMatching(/\/service-kit\/src\/schema\/kit\.graphql$/),
    ]);
  });

  it('gives the file alone when it names no part', () => {
    const file = schemaFile(`${FEDERATION}\ntype Query { a: Int }\n`);
    expect(subgraphSchemaFiles(file)).toEqual([file]);
  });

  it('refuses a part the service kit does not have, naming those it has', () => {
    const file = schemaFile(`# shared: kit audits\n${FEDERATION}\n`);
    expect(() => subgraphSchemaFiles(file)).toThrow(/no shared schema part "audits" \(known: .*audit.*kit/);
  });
});

describe('readSubgraphSdl', () => {
  it('builds a subgraph from its own types and the shared ones it names, each declared once', () => {
    const file = schemaFile(
      `# shared: kit audit pagination\n${FEDERATION}\n` +
        'type Query { auditEvents: AuditEventConnection! @access(policy: "audit") }\n',
    );
    const sdl = readSubgraphSdl(file);
    expect(typeNames(sdl).sort()).toEqual(['AuditEvent', 'AuditEventConnection', 'PageInfo', 'Query']);
    const schema = buildGuardedSubgraphSchema(sdl, {});
    expect(schema.getType('AuditEvent')).toBeDefined();
    expect(schema.getType('Date')).toBeDefined();
  });

  it('makes a type declared again beside its shared part refuse to build', () => {
    const file = schemaFile(
      `# shared: kit pagination\n${FEDERATION}\n` +
        'type PageInfo @shareable @access(policy: "reference") { hasNextPage: Boolean! }\n' +
        'type Query { a: PageInfo @access(policy: "reference") }\n',
    );
    expect(() => buildGuardedSubgraphSchema(readSubgraphSdl(file), {})).toThrow(/PageInfo/);
  });
});
