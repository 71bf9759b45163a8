import type { QueryResolvers } from '../generated/graphql.js';

export const Query: QueryResolvers = {
  cultureAuditEvents: (_parent, args, { data }) => data.audit.events(args),
};
