import { importRoute, templateRoute, type ImportResult, type Policy, type Upload } from '@ecd/service-kit';

import type { DatabaseSubgraphContext, SubgraphRouteTools } from './start-subgraph.js';

type App = Parameters<typeof importRoute>[0];
type Request = Parameters<Parameters<typeof templateRoute>[3]>[0]['req'];

/** Refuses a caller the policy of the equivalent mutation refuses (role, sector), before anything is read. */
const authorizeWith =
  <Data>(tools: SubgraphRouteTools<Data>, policy: Policy) =>
  ({ res }: { res: { locals: Record<string, unknown> } }) => {
    const refusal = tools.context(res).access.refusal(policy);
    if (refusal) throw refusal;
  };

/**
 * A subgraph's import route, `POST /imports/<kind>`: the caller refused by `policy` (the equivalent
 * mutation's) before the file is read, the rows checked and written by `run` (the data layer's, with the
 * request's context: every row's unit against the person's territory), and the import audited as one
 * WRITE row of the person (dry runs write nothing and are not audited).
 */
export function subgraphImportRoute<Data>(
  app: App,
  tools: SubgraphRouteTools<Data>,
  options: {
    kind: string;
    /** The GraphQL type of the records written, for the audit log. */
    entityType: string;
    policy: Policy;
    run(
      upload: Upload,
      context: DatabaseSubgraphContext<Data>,
    ): Promise<{ result: ImportResult; entityIds?: string[] }>;
  },
): void {
  importRoute(app, tools.authenticated, `/imports/${options.kind}`, {
    logger: tools.logger,
    authorize: authorizeWith(tools, options.policy),
    async run(upload, { res }) {
      const context = tools.context(res);
      const { result, entityIds = [] } = await options.run(upload, context);
      if (!upload.dryRun) {
        const row = context.audit.record({
          kind: 'WRITE',
          operation: `POST /imports/${options.kind}`,
          rootFields: [`import:${options.kind}`],
          entityType: options.entityType,
          entityIds,
          succeeded: !result.reason,
          errorCode: result.reason
            ? (result.problems.find((p) => p.reason === 'OUTSIDE_SCOPE')?.reason ?? result.reason)
            : null,
        });
        await context.audit.append([row]).catch((error: unknown) => {
          // The rows are committed: the answer stands, and the audit row is logged in full for replay.
          context.logger.error({ err: error, audit: row }, 'audit row of an import not written');
        });
      }
      return result;
    },
  });
}

/** A subgraph's template route, `GET /templates/<file>.xlsx`, for the callers `policy` lets through. */
export function subgraphTemplateRoute<Data>(
  app: App,
  tools: SubgraphRouteTools<Data>,
  options: {
    file: string;
    policy: Policy;
    build(context: DatabaseSubgraphContext<Data>, req: Request): Promise<{ fileName: string; body: Buffer }>;
  },
): void {
  templateRoute(app, tools.authenticated, `/templates/${options.file}`, async ({ req, res }) => {
    authorizeWith(tools, options.policy)({ res });
    return options.build(tools.context(res), req);
  });
}
