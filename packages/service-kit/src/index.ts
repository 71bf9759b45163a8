export * from './context.js';
export * from './env.js';
export * from './errors.js';
export * from './http.js';
export * from './logger.js';
export * from './pagination.js';
export * from './subgraph.js';
export * from './dates.js';
