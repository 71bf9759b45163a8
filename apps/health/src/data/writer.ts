import type { Access, ScopeGuard } from '@ecd/service-kit';

/**
 * Who writes and what they may write to: the request's context has both. Every write records
 * `identity.userId` and checks the units it writes to against `access` before writing anything.
 */
export interface Writer {
  identity: { userId: string };
  access: ScopeGuard;
}

/** A write that takes a personal number also counts one of the person's lookups by personal number. */
export interface LookupCountingWriter extends Writer {
  audit: { limiter: { consume(userId: string): Promise<void> } };
}

/** The person's territory for reads: records located outside it are left out. */
export type Reader = Pick<Access, 'covers'>;
