// Offline Prisma schema diff -> PostgreSQL migration SQL, using @prisma/schema-engine-wasm.
// No database is contacted: the engine requires a driver adapter, but for schema/empty -> schema
// diffs its only query is a startup probe, which a stub adapter answers.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';

let ready: Promise<void> | undefined;

// The package's ESM entry does `import * as wasm from './schema_engine_bg.wasm'`, which Node 20
// cannot load, so instantiate the .wasm manually against the JS glue module (also fine on 22+).
function initWasm(): Promise<void> {
  return (ready ??= (async () => {
    // The glue reports Rust panics through this global, as Prisma's CLI sets it up.
    (globalThis as any).PRISMA_WASM_PANIC_REGISTRY ??= { message: '', set_message(m: string) { this.message = `RuntimeError: ${m}`; } };
    const glue = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(new URL('./schema_engine_bg.wasm', pathToFileURL(glue)));
    // @types/node 20 does not declare the WebAssembly global, though Node has it.
    const wasm = (globalThis as unknown as { WebAssembly: { instantiate(b: Uint8Array, i: object): Promise<{ instance: { exports: any } }> } }).WebAssembly;
    const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as any).__wbindgen_start();
  })());
}

const noDb = async (): Promise<never> => { throw new Error('diffSchemas: stub adapter has no database'); };
// Answers the engine's startup probe:
// SELECT EXISTS(... pg_namespace WHERE nspname = $1), version(), current_setting('server_version_num')::integer
const stubConnection = async () => ({
  provider: 'postgres', adapterName: '@prisma/adapter-pg',
  queryRaw: async () => ({
    columnNames: ['exists', 'version', 'numeric_version'],
    columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
    rows: [[true, 'PostgreSQL 15.0', 150000]],
  }),
  executeRaw: noDb, executeScript: noDb, startTransaction: noDb, dispose: async () => {},
});
const stubFactory = () => bindMigrationAwareSqlAdapterFactory({
  provider: 'postgres', adapterName: '@prisma/adapter-pg', connect: stubConnection, connectToShadowDb: stubConnection,
} as any);

const schema = (content: string) => ({ tag: 'schemaDatamodel' as const, files: [{ path: 'schema.prisma', content }] });

export async function diffSchemas(opts: { from: string | null; to: string }): Promise<string> {
  await initWasm();
  const engine = await bg.SchemaEngine.new({ datamodels: undefined }, () => {}, stubFactory());
  try {
    const { stdout } = await engine.diff({
      from: opts.from === null ? { tag: 'empty' } : schema(opts.from),
      to: schema(opts.to),
      script: true, // SQL script instead of a human-readable summary
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return stdout ?? '';
  } finally {
    engine.free();
  }
}
