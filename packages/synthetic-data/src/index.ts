export * from './demo.js';
export * from './random.js';
