export * from './demo.js';
export * from './random.js';
export * from './demo-indicators.js';
