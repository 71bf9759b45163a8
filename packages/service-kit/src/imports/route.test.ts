import { describe, expect, it } from 'vitest';

import { ImportProblems, refusedImport } from './problems.js';
import { importFormatOf, importStatus } from './route.js';

describe('the format of an uploaded file', () => {
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]);
  const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]);
  const text = Buffer.from('a,b\n1,2\n');

  it('is read from its first bytes before its name or media type', () => {
    expect(importFormatOf(zip, { contentType: 'text/csv' })).toBe('xlsx');
    expect(importFormatOf(text, { contentType: 'text/csv' })).toBe('csv');
    expect(importFormatOf(text, {})).toBe('csv');
    expect(importFormatOf(text, { fileName: 'so-do.csv', contentType: 'application/octet-stream' })).toBe('csv');
    expect(importFormatOf(text, { explicit: 'csv', contentType: 'application/json' })).toBe('csv');
  });

  it('is none that an import reads for an old .xls, a PDF, JSON or an unknown ?format', () => {
    expect(importFormatOf(xls, { fileName: 'so-do.xls' })).toBeNull();
    expect(importFormatOf(Buffer.from('%PDF-1.7'), {})).toBeNull();
    expect(importFormatOf(text, { contentType: 'application/json' })).toBeNull();
    expect(importFormatOf(text, { fileName: 'so-do.ods' })).toBeNull();
    expect(importFormatOf(text, { explicit: 'ods' })).toBeNull();
  });
});

describe('the status of an answer', () => {
  const refused = (reason: 'OUTSIDE_SCOPE' | 'WRONG_TYPE') => {
    const problems = new ImportProblems();
    problems.add({ sheet: 'CSV', row: 2, column: 'A', field: 'x', reason, message: '…' });
    return refusedImport(false, 1, problems);
  };
  it('is 422 for a refused file, 403 when a row lies outside the territory', () => {
    expect(importStatus(refused('WRONG_TYPE'))).toBe(422);
    expect(importStatus(refused('OUTSIDE_SCOPE'))).toBe(403);
    expect(refused('WRONG_TYPE')).toMatchObject({ written: 0, reason: 'INVALID_IMPORT', problemCount: 1 });
  });

  it('counts every problem but lists at most the first thousand', () => {
    const problems = new ImportProblems();
    for (let row = 2; row < 1502; row++)
      problems.add({ sheet: 'CSV', row, column: 'A', field: 'x', reason: 'REQUIRED', message: '…' });
    const answer = refusedImport(false, 1500, problems);
    expect(answer.problems).toHaveLength(1000);
    expect(answer.problemCount).toBe(1500);
  });
});
