export * from './gateway-token.js';
export * from './identity.js';
export * from './policy.js';
export * from './user-token.js';
