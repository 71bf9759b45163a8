export * from './admin-units.js';
export * from './territory.js';
export * from './indicators.js';
