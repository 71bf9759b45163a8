import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

import { DATE_INPUT_RULE, DATE_YEARS, parseCalendarDay, parseInputDate, toIsoDate } from './dates.js';
import { badInput } from './errors.js';

function invalidDate(value: unknown, node?: GraphQLError['nodes']): GraphQLError {
  // Echo only what could be a date: the value may be anything a client sent.
  const shown = typeof value === 'string' && value.length <= 20 ? ` ${JSON.stringify(value)}` : '';
  const error = badInput(`Ngày${shown} không hợp lệ: ${DATE_INPUT_RULE}.`, { reason: 'INVALID_DATE' });
  return node ? new GraphQLError(error.message, { nodes: node, extensions: error.extensions }) : error;
}

/**
 * The `Date` scalar of every subgraph: a calendar day exchanged as `YYYY-MM-DD` and handed to resolvers
 * as a Date at UTC midnight (as graphql-scalars' was). Input that is not a real day of DATE_YEARS is
 * BAD_USER_INPUT with reason INVALID_DATE, never a database error.
 */
export const DateScalar = new GraphQLScalarType<Date, string>({
  name: 'Date',
  description: `A calendar day, YYYY-MM-DD (RFC 3339 full-date); as input, between ${DATE_YEARS.min} and ${DATE_YEARS.max}.`,
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return toIsoDate(value);
    if (typeof value === 'string' && parseCalendarDay(value)) return value;
    // A resolver's bug, not the client's input: an internal error.
    throw new GraphQLError(`Date cannot represent ${value instanceof Date ? 'an invalid Date' : typeof value}`);
  },
  parseValue(value) {
    const date = typeof value === 'string' ? parseInputDate(value) : undefined;
    if (!date) throw invalidDate(value);
    return date;
  },
  parseLiteral(node) {
    const date = node.kind === Kind.STRING ? parseInputDate(node.value) : undefined;
    if (!date) throw invalidDate(node.kind === Kind.STRING ? node.value : undefined, [node]);
    return date;
  },
  extensions: { codegenScalarType: 'Date | string' },
});
