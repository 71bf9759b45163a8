import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  typeFromAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

import { DATE_INPUT_RULE, parseInputDate } from './dates.js';

export type UnsafeInputReason = 'NUL_CHARACTER' | 'NUMBER_OUT_OF_RANGE' | 'INVALID_DATE';

export interface UnsafeInput {
  /** The input at fault: `input.name`, `representations[0].code`, or a variable's path (`input.openedOn`). */
  field: string;
  reason: UnsafeInputReason;
}

const PROBLEMS: Record<UnsafeInputReason, string> = {
  NUL_CHARACTER: 'chứa ký tự NUL (\\u0000), không được phép trong văn bản',
  NUMBER_OUT_OF_RANGE: 'là một số quá lớn, không biểu diễn được',
  INVALID_DATE: `không hợp lệ: ${DATE_INPUT_RULE}`,
};

// Enough to fix a request; a hostile one could hold millions.
const MAX_REPORTED = 20;

/** The Vietnamese message for a problem: the input named by its field or, lacking one, shown as written. */
export const unsafeInputMessage = (reason: UnsafeInputReason, input: { field: string } | { literal: string }) =>
  'field' in input
    ? `Giá trị của "${input.field}" ${PROBLEMS[reason]}.`
    : `Giá trị ${input.literal} ${PROBLEMS[reason]}.`;

/**
 * What no resolver and no database should ever see in a value: a NUL character (PostgreSQL cannot
 * store one in text), a number that overflowed to ±Infinity (`1e309`), a `Date` that is not a real day
 * between 1900 and 2100 (the gateway passes Date strings on unchecked).
 */
export function problemOf(value: unknown, type: GraphQLInputType | undefined): UnsafeInputReason | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'NUMBER_OUT_OF_RANGE';
  if (typeof value !== 'string') return undefined;
  if (value.includes('\0')) return 'NUL_CHARACTER';
  if (type && getNamedType(type).name === 'Date' && !parseInputDate(value)) return 'INVALID_DATE';
  return undefined;
}

/**
 * The problem of a number literal that overflows to ±Infinity (which graphql-js, for an Int, refuses
 * as a bare validation failure), if the node is one.
 */
export function unsafeNumberLiteral(node: ASTNode): UnsafeInputReason | undefined {
  return (node.kind === Kind.INT || node.kind === Kind.FLOAT) && !Number.isFinite(Number(node.value))
    ? 'NUMBER_OUT_OF_RANGE'
    : undefined;
}

const VALUE_KINDS = new Set<string>([
  Kind.VARIABLE,
  Kind.INT,
  Kind.FLOAT,
  Kind.STRING,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
]);

/** A node's part of an input's path: an argument's or input field's name, a list item's index. */
function segmentOf(node: ASTNode, key: string | number | undefined): string {
  if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) return node.name.value;
  if (node.kind === Kind.VARIABLE_DEFINITION) return node.variable.name.value;
  // Values sit in an array only as the items of a list value.
  if (typeof key === 'number' && VALUE_KINDS.has(node.kind)) return `[${key}]`;
  return '';
}

const joinPath = (segments: readonly string[]) =>
  segments
    .filter(Boolean)
    .reduce((path, segment) => (segment.startsWith('[') || !path ? `${path}${segment}` : `${path}.${segment}`), '');

/** Unsafe literal values in a document (arguments, input objects, lists, variables' defaults). */
export function unsafeLiterals(schema: GraphQLSchema, document: DocumentNode): UnsafeInput[] {
  const found: UnsafeInput[] = [];
  const typeInfo = new TypeInfo(schema);
  const segments: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      enter(node, key) {
        segments.push(segmentOf(node, key));
        if (found.length >= MAX_REPORTED) return;
        const value =
          node.kind === Kind.STRING
            ? node.value
            : node.kind === Kind.INT || node.kind === Kind.FLOAT
              ? Number(node.value)
              : undefined;
        const reason = value === undefined ? undefined : problemOf(value, typeInfo.getInputType() ?? undefined);
        if (reason) found.push({ field: joinPath(segments), reason });
      },
      leave() {
        segments.pop();
      },
    }),
  );
  return found;
}

interface Step {
  segment: string;
  parent: Container | undefined;
}

interface Container extends Step {
  value: object;
  type: GraphQLInputType | undefined;
}

function pathOf(step: Step): string {
  const segments: string[] = [];
  for (let at: Step | undefined = step; at; at = at.parent) segments.push(at.segment);
  return joinPath(segments.reverse());
}

/**
 * Unsafe values in an operation's variables, wherever they sit: typed input fields, and untyped JSON
 * such as `_entities` representations. Walked without recursion, holding only lists and objects still
 * to visit, and with a path built only for what is reported: a client chooses how its JSON nests.
 */
export function unsafeVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): UnsafeInput[] {
  const found: UnsafeInput[] = [];
  const containers: Container[] = [];
  const check = (
    value: unknown,
    type: GraphQLInputType | undefined,
    segment: string,
    parent: Container | undefined,
  ) => {
    const nullable = type && isNonNullType(type) ? type.ofType : type;
    if (value !== null && typeof value === 'object') {
      containers.push({ value, type: nullable, segment, parent });
      return;
    }
    const reason = problemOf(value, nullable);
    if (reason) found.push({ field: pathOf({ segment, parent }), reason });
  };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (variables && Object.hasOwn(variables, name))
      check(variables[name], typeFromAST(schema, definition.type) as GraphQLInputType | undefined, name, undefined);
  }
  for (let container = containers.pop(); container && found.length < MAX_REPORTED; container = containers.pop()) {
    const { value, type } = container;
    if (Array.isArray(value)) {
      // graphql-js takes a single value where a list is expected, so an item may have the list's type.
      const itemType = type && isListType(type) ? type.ofType : type;
      value.forEach((item, index) => check(item, itemType, `[${index}]`, container));
    } else {
      const fields = type && isInputObjectType(type) ? type.getFields() : undefined;
      for (const [name, item] of Object.entries(value)) check(item, fields?.[name]?.type, name, container);
    }
  }
  return found.slice(0, MAX_REPORTED);
}
