import { describe, expect, it } from 'vitest';

import { createLogger, maskPersonalNumbers } from './logger.js';

function capture() {
  const lines: string[] = [];
  const logger = createLogger('test', 'info', { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

describe('createLogger', () => {
  it('masks a personal number wherever it appears: message, error message, stack, any field', () => {
    const { logger, lines } = capture();
    const error = new Error('Unexpected token \'"\', ""020123456789"" is not valid JSON');
    logger.error(
      { err: error, note: 'số 079204001234 đã nhập', text: 'dòng 1\n001099012345\tx' },
      'failed for 020123456789',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/020123456789|079204001234|001099012345/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'failed for [redacted]', note: 'số [redacted] đã nhập' });
  });

  it('never logs a body, variables or a personalId field', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('parse failed'), { body: '{"query":"…","secret":"x"}' });
    logger.warn(
      { err: error, variables: { input: { name: 'x' } }, personalId: '1', child: { personalId: '2' } },
      'refused',
    );
    const line = JSON.parse(lines[0]!);
    expect(line.err.body).toBe('[redacted]');
    expect(line).toMatchObject({
      variables: '[redacted]',
      personalId: '[redacted]',
      child: { personalId: '[redacted]' },
    });
    expect(lines[0]).not.toContain('secret');
  });

  it('masks twelve digits wherever they stand, and leaves longer numbers alone', () => {
    expect(maskPersonalNumbers('1234567890123 tru020323000798 6f1c-020123456789 020123456789')).toBe(
      '1234567890123 tru[redacted] 6f1c-[redacted] [redacted]',
    );
  });
});
