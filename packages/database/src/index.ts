export * from './open-database.js';
export * from './migrations.js';
export * from './env.js';
export * from './unit-rollup.js';
export * from './start-subgraph.js';
export * from './indicator-values.js';
export * from './bulk-insert.js';
export * from './audit.js';
