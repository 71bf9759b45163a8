import { z } from 'zod';

import type { IdempotencyClaim, IdempotencyStore, IdempotentTransaction, Logger } from '@ecd/service-kit';

import { execute, identifier, queryRows, sql, type SqlQueryable } from './typed-sql.js';

/**
 * A Prisma client, or one of its transaction clients: Prisma 7 runs `$transaction` on a transaction
 * client as a savepoint of the same transaction, so a data layer built on one keeps its own
 * transactions (`prisma.$transaction(async (tx) => …)`), nested.
 */
export interface TransactionalClient extends SqlQueryable {
  $transaction<R>(run: (tx: TransactionalClient) => Promise<R>): Promise<R>;
}

/**
 * The keys of a subgraph's mutations (Idempotency-Key), in its own database: table `idempotent_request`,
 * which every subgraph's Prisma schema declares the same way. Why a transaction for the whole
 * operation rather than a helper each write calls: the key's row must commit with every write of
 * the operation, and the writes of the data layers are many (their own transactions, single
 * statements, running totals); run on the transaction's client, they all join it unchanged, and no
 * write path can forget the key. A process killed at any point leaves both or neither.
 */
export interface IdempotencyStoreOptions<TContext> {
  client: TransactionalClient;
  /** How long a key is kept; an expired key is free again (and pruned by `pruneIdempotencyKeys`). */
  ttlHours: number;
  logger: Logger;
  /** Makes the request's data layer write in the transaction `tx` (a client of the app's own type). */
  useTransaction(context: TContext, tx: TransactionalClient): void;
}

const ROLLBACK = new Error('idempotent request rolled back');

interface OpenTransaction {
  tx: TransactionalClient;
  /** Commits (`true`) or rolls back the transaction; settles when it has ended. */
  end: (commit: boolean) => Promise<void>;
}

/**
 * An interactive transaction held open across the hooks of one request: Prisma's API runs one inside
 * a callback, which here waits until the request decides. Prisma's transaction timeout
 * (TRANSACTION_LIMITS) rolls back one whose request never decides.
 */
function openTransaction(client: TransactionalClient): Promise<OpenTransaction> {
  return new Promise((resolve, reject) => {
    let decide: (commit: boolean) => void = () => undefined;
    const decided = new Promise<boolean>((settle) => (decide = settle));
    let opened = false;
    const done = client.$transaction(async (tx) => {
      opened = true;
      resolve({
        tx,
        end(commit) {
          decide(commit);
          return done.then(
            () => undefined,
            (error: unknown) => {
              if (error !== ROLLBACK) throw error;
            },
          );
        },
      });
      if (!(await decided)) throw ROLLBACK;
    });
    done.catch((error: unknown) => {
      if (!opened) reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

/** PostgreSQL's SQLSTATE of a failed statement, as Prisma's driver adapter reports it. */
function sqlStateOf(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { code?: unknown } } } } | null)?.meta;
  const code = meta?.driverAdapterError?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

// A wait for the request holding the key cut by the statement timeout, or by a lock timeout.
const WAIT_CUT = new Set(['57014', '55P03']);

const storedAnswer = z.object({
  status: z.number().int().nullable(),
  body: z.object({
    data: z.record(z.string(), z.unknown()).nullable().optional(),
    errors: z.array(z.looseObject({ message: z.string() })).optional(),
  }),
});

const heldRow = z.object({ request_hash: z.string(), response: z.unknown() });

/** The idempotency store of a subgraph (see `idempotencyPlugin` in the service kit for the rules). */
export function createIdempotencyStore<TContext>(
  options: IdempotencyStoreOptions<TContext>,
): IdempotencyStore<TContext> {
  const { logger } = options;
  return {
    async claim({ userId, key, requestHash }, context): Promise<IdempotencyClaim> {
      const { tx, end } = await openTransaction(options.client);
      const rollback = () =>
        end(false).catch((error: unknown) => logger.warn({ err: error }, 'idempotency transaction not rolled back'));
      let claimed = false;
      let held: z.output<typeof heldRow> | undefined;
      try {
        // Waits while another transaction holds the same key uncommitted, then sees its row; an
        // expired key is taken over as if free.
        const rows = await queryRows(
          tx,
          z.object({ claimed: z.boolean() }),
          sql`INSERT INTO idempotent_request (user_id, key, request_hash, expires_at)
              VALUES (${userId}, ${key}, ${requestHash}, now() + make_interval(hours => ${options.ttlHours}::int))
              ON CONFLICT (user_id, key) DO UPDATE
                 SET request_hash = EXCLUDED.request_hash, response = NULL, created_at = now(),
                     expires_at = EXCLUDED.expires_at
               WHERE idempotent_request.expires_at <= now()
              RETURNING true AS claimed`,
        );
        claimed = rows.length > 0;
        if (!claimed) {
          [held] = await queryRows(
            tx,
            heldRow,
            sql`SELECT request_hash, response FROM idempotent_request WHERE user_id = ${userId} AND key = ${key}`,
          );
        }
      } catch (error) {
        await rollback();
        if (WAIT_CUT.has(sqlStateOf(error) ?? '')) return { outcome: 'in-progress' };
        throw error;
      }
      if (!claimed) {
        await rollback();
        // Pruned between the two statements: as good as in progress, a retry claims it.
        if (!held) return { outcome: 'in-progress' };
        if (held.request_hash !== requestHash) return { outcome: 'reused' };
        // The row and its answer commit together: a committed row without one is a bug, not a retry.
        const answer = storedAnswer.parse(held.response);
        return { outcome: 'replay', answer };
      }
      options.useTransaction(context, tx);
      let savepoints = 0;
      let broken = false;
      const transaction: IdempotentTransaction = {
        // Plain SQL savepoints: the data layer's own `$transaction` calls, Prisma's nested savepoints on
        // the same client, would be refused as concurrent with one Prisma opened here.
        async savepoint(run) {
          const name = identifier(`ecd_field_${++savepoints}`);
          await execute(tx, sql`SAVEPOINT ${name}`);
          let value: Awaited<ReturnType<typeof run>>;
          try {
            value = await run();
          } catch (error) {
            await execute(tx, sql`ROLLBACK TO SAVEPOINT ${name}`).then(undefined, (failure: unknown) => {
              broken = true;
              logger.warn({ err: failure }, 'savepoint not rolled back: the mutation will not commit');
            });
            throw error;
          }
          await execute(tx, sql`RELEASE SAVEPOINT ${name}`);
          return value;
        },
        async commit(answer) {
          if (broken) throw new Error('a field of the mutation could not be undone');
          await execute(
            tx,
            sql`UPDATE idempotent_request SET response = ${JSON.stringify(answer)}::jsonb
                 WHERE user_id = ${userId} AND key = ${key}`,
          );
          await end(true);
        },
        rollback,
      };
      return { outcome: 'execute', transaction };
    },
  };
}

/** Deletes the keys past their time; returns how many. */
export const pruneIdempotencyKeys = (db: SqlQueryable): PromiseLike<number> =>
  execute(db, sql`DELETE FROM idempotent_request WHERE expires_at <= now()`);
