import type { Access, RequestAudit, RequestContext } from '@ecd/service-kit';
import type { PrismaClient } from './generated/prisma/client.js';
import type { Loaders } from './loaders.js';

export interface Context extends RequestContext {
  prisma: PrismaClient;
  loaders: Loaders;
  /** What the person may do: scope checks for writes and lookups, and filters for reads (see auth/policy.ts). */
  access: Access;
  /** This request's audit: lookups by personal number, and the notes the audit log's rows are made of (see auth/audit.ts). */
  audit: RequestAudit;
}
