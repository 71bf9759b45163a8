export * from './table.js';
export * from './problems.js';
export * from './columns.js';
export * from './route.js';
export * from './template.js';
export { loadExcelJS } from './exceljs.js';
