export * from './admin-units.js';
