import {
  Kind,
  OperationTypeNode,
  parse,
  type GraphQLError,
  type GraphQLFormattedError,
  type SelectionSetNode,
} from 'graphql';

/**
 * The answer for an `_entities` call whose subgraph could not answer: every entity sent, with each
 * field asked of it null, and the subgraph's error. The gateway then goes on with the rest of its
 * plan: a field of another subgraph that @requires these (LĐTBXH's assessment requires education's and
 * health's figures) is computed with them missing, so one sector's outage nulls only its own values
 * instead of every entity that named its fields. Undefined for any other call (a root field fails as it is).
 */
export function unavailableEntities(
  request: { query?: string | undefined; variables?: Record<string, unknown> | undefined },
  error: GraphQLError,
): { data: Record<string, unknown>; errors: GraphQLFormattedError[] } | undefined {
  const representations = request.variables?.representations;
  if (!request.query || !Array.isArray(representations)) return undefined;
  const entities = entitiesSelection(request.query);
  if (!entities) return undefined;
  const fieldsOf = (typename: unknown) =>
    entities.selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return [selection];
      if (selection.kind === Kind.INLINE_FRAGMENT && selection.typeCondition?.name.value === typename)
        return selection.selectionSet.selections.filter((s) => s.kind === Kind.FIELD);
      return [];
    });
  return {
    data: {
      _entities: representations.map((representation: unknown) => {
        const typename = (representation as { __typename?: unknown } | null)?.__typename;
        return Object.fromEntries(
          fieldsOf(typename).map((field) => {
            const name = field.alias?.value ?? field.name.value;
            return [name, name === '__typename' ? typename : null];
          }),
        );
      }),
    },
    errors: [error.toJSON()],
  };
}

/** The selection under `_entities` in the gateway's query (undefined for any other operation). */
function entitiesSelection(query: string): SelectionSetNode | undefined {
  try {
    const [operation] = parse(query).definitions;
    if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== OperationTypeNode.QUERY)
      return undefined;
    const [field] = operation.selectionSet.selections;
    if (field?.kind !== Kind.FIELD || field.name.value !== '_entities') return undefined;
    return field.selectionSet;
  } catch {
    return undefined;
  }
}
