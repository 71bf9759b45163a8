export * from './audit.js';
export * from './gateway-token.js';
export * from './identity.js';
export * from './personal-lookup.js';
export * from './policy.js';
export * from './user-token.js';
