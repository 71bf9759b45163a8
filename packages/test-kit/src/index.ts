export * from './database.js';
export * from './federation.js';
export * from './graphql-client.js';
export * from './fixtures.js';
export * from './subgraph.js';
export * from './identity.js';
export * from './policies.js';
export * from './database-rows.js';
