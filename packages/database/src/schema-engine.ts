/**
 * Offline Prisma schema diff → PostgreSQL migration SQL, with the schema engine compiled to
 * WebAssembly. The native engine `prisma migrate` runs cannot be downloaded on these machines.
 * No database is contacted: the engine insists on a driver adapter, but for schema (or empty) →
 * schema diffs its only query is a start-up probe, which a stub adapter answers.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

interface WasmInstance {
  exports: WebAssemblyExports;
}
// The glue takes the exports untyped (`__wbg_set_wasm(val: any)`); start-up is the one export called here.
interface WebAssemblyExports {
  __wbindgen_start(): void;
}
// @types/node 20 does not declare the WebAssembly global, though Node has it.
declare const WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: WasmInstance }> };

let ready: Promise<void> | undefined;

/** The package's ESM entry imports the .wasm file directly, which Node 20 cannot; wire it by hand. */
function initWasm(): Promise<void> {
  return (ready ??= (async () => {
    // The glue reports Rust panics through this global, as Prisma's CLI sets it up.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
      message: '',
      set_message(this: { message: string }, message: string) {
        this.message = `RuntimeError: ${message}`;
      },
    };
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(new URL('./schema_engine_bg.wasm', pathToFileURL(gluePath)));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
  })());
}

// The adapter interface is all Promises; the stub answers at once.
const noDatabase = (): Promise<never> => Promise.reject(new Error('diffSchemas runs without a database'));

// Answers the engine's start-up probe (schema exists, version(), server_version_num).
const stubConnection = () =>
  Promise.resolve({
    provider: 'postgres' as const,
    adapterName: '@prisma/adapter-pg',
    queryRaw: () =>
      Promise.resolve({
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, 'PostgreSQL 15.0', 150000]],
      }),
    executeRaw: noDatabase,
    executeScript: noDatabase,
    startTransaction: noDatabase,
    dispose: () => Promise.resolve(),
  });

const stubAdapterFactory = () =>
  bindMigrationAwareSqlAdapterFactory({
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: stubConnection,
    connectToShadowDb: stubConnection,
  } as unknown as SqlMigrationAwareDriverAdapterFactory);

const datamodel = (content: string) => ({
  tag: 'schemaDatamodel' as const,
  files: [{ path: 'schema.prisma', content }],
});

/** The SQL that takes a database from the schema `from` (null: empty) to the schema `to`. */
export async function diffSchemas(options: { from: string | null; to: string }): Promise<string> {
  await initWasm();
  const engine = await glue.SchemaEngine.new({ datamodels: undefined }, () => {}, stubAdapterFactory());
  try {
    const { stdout } = await engine.diff({
      from: options.from === null ? { tag: 'empty' } : datamodel(options.from),
      to: datamodel(options.to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return stdout ?? '';
  } finally {
    engine.free();
  }
}
