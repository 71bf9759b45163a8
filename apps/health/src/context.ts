import type { RequestContext } from '@ecd/service-kit';
import type { PrismaClient } from './generated/prisma/client.js';
import type { Loaders } from './loaders.js';

export interface Context extends RequestContext {
  prisma: PrismaClient;
  loaders: Loaders;
}
