import type { ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  isAbstractType,
  isObjectType,
  OperationTypeNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

import type { Identity } from './auth/identity.js';
import { policyOfField } from './auth/policy.js';
import type { RequestContext } from './context.js';

/**
 * Answers shared through the gateway's answer cache. A subgraph marks its answer to a query as
 * shareable when every field the query reads has a `cacheable` policy (no personal data, no write, no
 * audit log): `cache-control: max-age=…, private`, which the gateway's data sources fold into the
 * request's cache policy, and its answer version (data version and code), read before the query ran. The
 * gateway keeps the whole answer under the caller's claims with the versions of the subgraphs that made
 * it, and serves it again only to people whom the same rules give the same answer, and only while each
 * of those subgraphs still has that version: any write there makes the next read compute afresh.
 */

/** How long a shared answer is kept at most: a new data version makes it unusable long before. */
export const SHAREABLE_ANSWER_MAX_AGE_SECONDS = 600;

/** Where a subgraph tells the gateway its answer version now (gateway's token only). */
export const ANSWER_VERSION_PATH = '/answer-version';

/** The header carrying the answer version a shareable answer was made at. */
export const ANSWER_VERSION_HEADER = 'x-ecd-answer-version';

/** The claims the policies read: people who share them get the same answer to the same query. */
export function claimsKey(identity: Identity): string {
  return JSON.stringify([[...identity.roles].sort(), identity.sector, identity.unitCode, identity.agency]);
}

const FEDERATION_ENTITY_FIELD = '_entities';

const shareableByDocument = new WeakMap<DocumentNode, boolean>();

/**
 * Whether every field a document selects (in every operation and fragment) has only cacheable policies,
 * checked against the subgraph's own `@access` directives. Remembered per parsed document, which Apollo
 * keeps per query text, so it costs one walk per distinct query.
 */
export function documentIsShareable(schema: GraphQLSchema, document: DocumentNode): boolean {
  const known = shareableByDocument.get(document);
  if (known !== undefined) return known;
  let shareable = true;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const name = node.name.value;
        if (name === '__typename') return;
        const parent = typeInfo.getParentType();
        if (parent?.name === 'Query' && name === FEDERATION_ENTITY_FIELD) return;
        const owners = !parent ? [] : isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent];
        const cacheable =
          owners.length > 0 &&
          owners.every((owner) => {
            const field = isObjectType(owner) ? owner.getFields()[name] : undefined;
            const policies = field && !name.startsWith('__') ? policyOfField(owner, field) : undefined;
            return !!policies?.length && policies.every((all) => all.every((policy) => policy.cacheable));
          });
        if (!cacheable) {
          shareable = false;
          return BREAK;
        }
      },
    }),
  );
  shareableByDocument.set(document, shareable);
  return shareable;
}

/**
 * The subgraph side: a query whose fields are all shareable reads the answer version before it runs, and
 * its answer, if it has no error, carries it with `cache-control: max-age=…, private`; anything else
 * carries neither (the gateway then keeps nothing). Static, unlike Apollo's cache-control plugin, which
 * hooks every field resolved.
 */
export function shareableAnswerPlugin(answerVersion: () => Promise<string>): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart() {
      let version: Promise<string | undefined> | undefined;
      return Promise.resolve({
        didResolveOperation({ schema, document, operation }) {
          if (operation?.operation === OperationTypeNode.QUERY && documentIsShareable(schema, document))
            version = answerVersion().catch(() => undefined);
          return Promise.resolve();
        },
        async willSendResponse({ response }) {
          const at = await version;
          if (at === undefined || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          response.http.headers.set('cache-control', `max-age=${SHAREABLE_ANSWER_MAX_AGE_SECONDS}, private`);
          response.http.headers.set(ANSWER_VERSION_HEADER, at);
        },
      });
    },
  };
}
