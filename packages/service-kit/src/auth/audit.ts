import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

import type { RequestContext } from '../context.js';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { hookResult } from '../plugin-hooks.js';
import { checkPurpose, isLookupField, PURPOSE_MAX_LENGTH, type LookupLimiter } from './personal-lookup.js';
import type { Access, AccessContext } from './policy.js';
import { onSettled, wrapFieldResolvers } from './wrap-resolvers.js';

/**
 * The audit log of a service holding personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): who
 * read children's personal records, who wrote or tried to write, and who looked a child up by
 * personal identification number and why. Rows go to the service's own database, append-only (a
 * trigger refuses UPDATE, DELETE and TRUNCATE), through an AuditStore (`@ecd/database`).
 */
export type AuditKind = 'READ' | 'WRITE' | 'LOOKUP';

/** One row of the audit log, as the store appends it (the store adds the service, id and time). */
export interface AuditRecord {
  /** From the verified identity (the gateway's signed token), never from what a client sends. */
  userId: string;
  roles: string[];
  sector: string | null;
  unitCode: string | null;
  agency: string | null;
  requestId: string;
  /** The GraphQL operation's name, when it has one. */
  operation: string | null;
  kind: AuditKind;
  /** The operation's root fields (READ), the mutation (WRITE) or the lookup field (LOOKUP). */
  rootFields: string[];
  /** The GraphQL type of the records read or written, e.g. ChildHealthRecord. */
  entityType: string | null;
  entityIds: string[];
  /** Why: required for a lookup, carried over to the records read in the same request. */
  purpose: string | null;
  /** Federation keys (HMAC) of the personal numbers the request used; never a number itself. */
  subjectKeys: string[];
  /** For a lookup: whether the service holds anything for the child. */
  found: boolean | null;
  succeeded: boolean;
  /** Why it failed: the error's reason (e.g. ROLE_NOT_ALLOWED, CHILD_ALREADY_REGISTERED, LOOKUP_RATE_LIMITED). */
  errorCode: string | null;
}

export interface AuditStore {
  /** Appends the rows in one statement; throws when they could not be written. */
  append(records: readonly AuditRecord[]): Promise<void>;
}

/** The error a request gets when its personal data cannot be audited: the data is not given out. */
export const auditUnavailable = () =>
  new GraphQLError(
    'Không ghi được nhật ký truy cập dữ liệu cá nhân nên dữ liệu không được trả về; vui lòng thử lại sau.',
    {
      extensions: { code: ErrorCode.SubgraphUnavailable, reason: 'AUDIT_UNAVAILABLE' },
    },
  );

const reasonOf = (error: unknown): string => {
  const extensions = (error as { extensions?: Record<string, unknown> } | null)?.extensions;
  const reason = extensions?.reason ?? extensions?.code;
  return typeof reason === 'string' ? reason : 'UNEXPECTED_ERROR';
};

interface WriteOutcome {
  field: string;
  entityType: string;
  entityId: string | null;
  error: unknown;
}

export interface LookupOutcome<T> {
  /** The federation key (HMAC) of the number looked up; stored instead of the number. */
  key: string;
  /** Whether the service holds anything for the child. */
  found: boolean;
  result: T;
}

/**
 * The audit of one request, in its context as `audit`: the plugin below fills in the operation, the
 * mutations' outcomes and the lookups refused before they ran; the field guard the personal records
 * read (`access.personalReads`); a lookup writes its own row at once through `lookup`.
 */
export class RequestAudit {
  operation: string | null = null;
  rootFields: string[] = [];
  /** The purpose stated by a lookup in this request, carried over to the records it reads. */
  purpose: string | null = null;
  readonly subjectKeys = new Set<string>();
  readonly writes: WriteOutcome[] = [];
  /** LOOKUP rows this request tried to append itself (through `lookup`). */
  private lookupsAudited = 0;
  /** LOOKUP rows of lookups refused before `lookup` ran (e.g. by the policy guard), appended with the others. */
  private readonly refusedLookups: AuditRecord[] = [];

  constructor(
    private readonly deps: {
      access: Access;
      requestId: string;
      store: AuditStore;
      limiter: LookupLimiter;
      logger: Logger;
      /** The federation key of a well-formed personal number (null otherwise), to note the numbers mutations take. */
      subjectKeyOf?: (personalId: string) => string | null;
    },
  ) {}

  get limiter() {
    return this.deps.limiter;
  }

  private get userId() {
    return this.deps.access.identity.userId;
  }

  /** A row of this request: who (the verified identity), which request and operation. */
  record(
    fields: Pick<AuditRecord, 'kind' | 'rootFields' | 'entityType' | 'entityIds'> & Partial<AuditRecord>,
  ): AuditRecord {
    const { identity } = this.deps.access;
    return {
      userId: identity.userId,
      roles: [...identity.roles],
      sector: identity.sector,
      unitCode: identity.unitCode,
      agency: identity.agency,
      requestId: this.deps.requestId,
      operation: this.operation,
      purpose: this.purpose,
      subjectKeys: [...this.subjectKeys],
      found: null,
      succeeded: true,
      errorCode: null,
      ...fields,
    };
  }

  /** Notes the key of a personal number a write used (e.g. registering a child), for its WRITE row. */
  subject(key: string | null | undefined): void {
    if (key) this.subjectKeys.add(key);
  }

  /**
   * A lookup by personal number: checks the purpose, counts one of the person's lookups (refused
   * RATE_LIMITED when none is left), runs `find`, and appends its LOOKUP row (purpose, key, found or
   * not) before anything is answered; if the row cannot be written, nothing is answered. Refused and
   * failed lookups are audited too.
   */
  async lookup<T>(options: {
    field: string;
    purpose: string | null | undefined;
    entityType: string;
    find(): Promise<LookupOutcome<T>>;
  }): Promise<T> {
    const purpose = checkPurpose(options.purpose);
    const row = (fields: Partial<AuditRecord>) =>
      this.record({
        kind: 'LOOKUP',
        rootFields: [options.field],
        entityType: options.entityType,
        entityIds: [],
        purpose,
        ...fields,
      });
    let outcome: LookupOutcome<T>;
    try {
      await this.deps.limiter.consume(this.userId);
      outcome = await options.find();
    } catch (error) {
      await this.appendOrThrow([row({ succeeded: false, errorCode: reasonOf(error) })]);
      throw error;
    }
    this.subject(outcome.key);
    await this.appendOrThrow([row({ subjectKeys: [outcome.key], found: outcome.found })]);
    this.purpose = purpose;
    return outcome.result;
  }

  /** Appends rows of this request to the log. */
  append(records: readonly AuditRecord[]): Promise<void> {
    return this.deps.store.append(records);
  }

  private async appendOrThrow(records: AuditRecord[]) {
    this.lookupsAudited += 1;
    try {
      await this.append(records);
    } catch (error) {
      this.deps.logger.error({ err: error, audit: records }, 'AUDIT LOG WRITE FAILED: personal data not given out');
      throw auditUnavailable();
    }
  }

  /**
   * Runs a lookup field's resolver so that every lookup leaves exactly one LOOKUP row: one refused
   * before it could audit itself (a role without the right, a missing purpose) gets a failed row here.
   */
  auditingLookup<T>(field: string, entityType: string, args: Record<string, unknown>, run: () => T): T {
    const before = this.lookupsAudited;
    // The number's key goes into the lookup's row, whatever becomes of it (refused, limited, answered).
    this.noteArguments(args);
    return onSettled(run, (error) => {
      // A lookup refused before it could write its own row (by the policy guard, for a missing purpose).
      if (!error || this.lookupsAudited !== before) return;
      const purpose =
        typeof args.purpose === 'string'
          ? [...args.purpose.trim()].slice(0, PURPOSE_MAX_LENGTH).join('') || null
          : null;
      this.refusedLookups.push(
        this.record({
          kind: 'LOOKUP',
          rootFields: [field],
          entityType,
          entityIds: [],
          purpose,
          succeeded: false,
          errorCode: reasonOf(error),
        }),
      );
    });
  }

  /** Notes the keys of the personal numbers a field's arguments carry (`personalId`, or `input.personalId`). */
  noteArguments(args: Record<string, unknown>): void {
    const { subjectKeyOf } = this.deps;
    if (!subjectKeyOf) return;
    for (const value of [args, ...Object.values(args)]) {
      const personalId = (value as { personalId?: unknown } | null)?.personalId;
      if (typeof personalId === 'string') this.subject(subjectKeyOf(personalId));
    }
  }

  /** Whether writes or refused lookups wait for their rows (reads are in `access.personalReads`). */
  get hasPending(): boolean {
    return this.writes.length > 0 || this.refusedLookups.length > 0;
  }

  /** Notes the outcome of a root mutation field (called by the plugin). */
  wrote(field: string, entityType: string, error: unknown, result: unknown): void {
    const id = (result as { id?: unknown } | null | undefined)?.id;
    this.writes.push({ field, entityType, entityId: typeof id === 'string' ? id : null, error });
  }

  /** The writes noted did not take after all (their transaction did not commit): their rows say so, with `reason`. */
  failWrites(reason: unknown): void {
    const error = { extensions: { reason } };
    for (const write of this.writes) write.error ??= error;
  }

  /** The WRITE rows, then one READ row per type of personal record read (not counting those written). */
  pendingRecords(): AuditRecord[] {
    const written = new Set(this.writes.filter((w) => w.entityId).map((w) => `${w.entityType}:${w.entityId}`));
    const records = [...this.refusedLookups];
    for (const w of this.writes) {
      records.push(
        this.record({
          kind: 'WRITE',
          rootFields: [w.field],
          entityType: w.entityType,
          entityIds: w.entityId ? [w.entityId] : [],
          succeeded: !w.error,
          errorCode: w.error ? reasonOf(w.error) : null,
        }),
      );
    }
    const readByType = new Map<string, string[]>();
    for (const read of this.deps.access.personalReads) {
      if (written.has(read)) continue;
      const colon = read.indexOf(':');
      const type = read.slice(0, colon);
      readByType.set(type, [...(readByType.get(type) ?? []), read.slice(colon + 1)]);
    }
    for (const [entityType, entityIds] of readByType)
      records.push(this.record({ kind: 'READ', rootFields: this.rootFields, entityType, entityIds }));
    return records;
  }
}

export interface AuditContext {
  audit: RequestAudit;
}

/** The root fields an operation asks for (through fragments), without `__typename`. */
function rootFieldsOf(
  selectionSet: SelectionSetNode,
  document: DocumentNode | undefined,
  into = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') into.add(selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootFieldsOf(selection.selectionSet, document, into);
    } else {
      const fragment = document?.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFieldsOf(fragment.selectionSet, document, into);
    }
  }
  return into;
}

/**
 * Wraps each Mutation field's resolver (outside its policy guard, so refusals are seen) to note its
 * arguments' personal numbers and its outcome in the request's audit, and each lookup field's so that
 * a refused lookup is audited too. Queries other than lookups run exactly as before, at no cost.
 */
export function auditFields(schema: GraphQLSchema): void {
  const mutationType = schema.getMutationType();
  wrapFieldResolvers<Partial<AuditContext>>(schema, 'audit', (type, field, resolve) => {
    if (type === mutationType) {
      return (parent, args, context, info) => {
        const { audit } = context;
        if (!audit) return resolve(parent, args, context, info);
        const entityType = getNamedType(info.returnType).name;
        audit.noteArguments(args);
        return onSettled(
          () => resolve(parent, args, context, info),
          (error, value) => audit.wrote(info.fieldName, entityType, error, value),
        );
      };
    }
    if (!isLookupField(type, field)) return undefined;
    return (parent, args, context, info) =>
      context.audit
        ? context.audit.auditingLookup(info.fieldName, getNamedType(info.returnType).name, args, () =>
            resolve(parent, args, context, info),
          )
        : resolve(parent, args, context, info);
  });
}

/**
 * Writes the audit rows of every request that wrote (every mutation field executed, successful or
 * not: refused and failed attempts matter to an auditor) or read personal records, once the
 * operation has run and before the response is sent. A request that did neither (aggregates,
 * reference data) costs nothing: no row, no statement.
 *
 * If the rows cannot be written: a request that only read gets no data (AUDIT_UNAVAILABLE) — personal
 * data is not given out unaudited; for a mutation the data is already committed (each write owns its
 * transaction), so the answer stands — failing it would invite a retry that writes twice — and the
 * complete rows are logged at error level, from which they can be replayed.
 */
export function auditPlugin<
  TContext extends RequestContext & AccessContext & AuditContext,
>(): ApolloServerPlugin<TContext> {
  return {
    serverWillStart({ schema }) {
      return hookResult(() => auditFields(schema));
    },
    requestDidStart() {
      let mutation = false;
      return Promise.resolve({
        executionDidStart({ operation, operationName, document, contextValue }) {
          return hookResult(() => {
            contextValue.audit.operation = operationName ?? null;
            contextValue.audit.rootFields = [...rootFieldsOf(operation.selectionSet, document)];
            mutation = operation.operation === OperationTypeNode.MUTATION;
          });
        },
        async willSendResponse({ contextValue, response }) {
          const { audit, logger } = contextValue;
          if (!audit.hasPending && !contextValue.access.personalReads.size) return;
          const records = audit.pendingRecords();
          if (!records.length) return;
          try {
            await audit.append(records);
          } catch (error) {
            logger.error({ err: error, audit: records }, 'AUDIT LOG WRITE FAILED');
            if (!mutation && response.body.kind === 'single') {
              const { message, extensions } = auditUnavailable();
              response.body.singleResult = { data: null, errors: [{ message, extensions }] };
            }
          }
        },
      });
    },
  };
}
