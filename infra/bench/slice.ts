/**
 * The measured read: a unit (a province with all its communes, or one commune) with the figures of
 * every sector, asked once of the gateway and once of the subgraphs directly.
 */
import { Agent, request as httpRequest } from 'node:http';

import { authorizationFor } from './auth.js';
import { SECTORS, type SubgraphName } from './config.js';

export type QueryKind = 'province' | 'commune';

type Json = Record<string, unknown>;

interface UnitKeyed extends Json {
  code: string;
  validFrom: string;
}

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Connections kept open between requests; an idle one is closed after 4 s, before the measured services'
 * own keep-alive time (5 s and more) could close it under a new request.
 */
const agent = new Agent({ keepAlive: true, timeout: 4_000 });

/**
 * POSTs one operation to a measured service, as the person signed in (or the gateway, to a subgraph), and
 * gives the status and the whole answer as bytes. Node's own HTTP client, not fetch: on the two cores it
 * shares with the system it measures, fetch (undici's web streams) cost 2 ms more CPU per 370 KiB answer
 * (a local server and its client in one process: 2.7-3.3 ms per request with fetch, 0.9-1.1 with
 * `node:http`), time the measured services then did not have.
 */
function post(url: string, query: string, variables: Json): Promise<{ status: number; answer: Buffer }> {
  return authorizationFor(url).then(
    (authorization) =>
      new Promise((resolve, reject) => {
        const request = httpRequest(
          url,
          { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, answer: Buffer.concat(chunks) }));
            response.on('error', reject);
          },
        );
        request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error(`${url}: no answer in 30 s`)));
        request.on('error', reject);
        request.end(JSON.stringify({ query, variables }));
      }),
  );
}

/** One operation's data; any GraphQL error fails the benchmark, since a partial answer is cheaper to make. */
export async function postGraphQL(url: string, query: string, variables: Json): Promise<Json> {
  const { status, answer } = await post(url, query, variables);
  const body = JSON.parse(answer.toString('utf8')) as { data?: Json | null; errors?: { message: string }[] };
  if (status !== 200 || body.errors?.length || !body.data) {
    throw new Error(`${url} answered ${status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
  }
  return body.data;
}

/** How an answer with errors shows in its bytes: no field of the schema is called `errors`. */
const ERRORS_KEY = Buffer.from('"errors":[');

/**
 * A timed request to the gateway: the answer is read whole and must be complete (status 200, no
 * `errors`), but is not built into objects. Parsing a 370 KiB answer costs this client 3-7 ms on the
 * same two cores as the system it measures; a browser pays that on its own machine. The content is
 * compared with the direct path's once, before timing (`postGraphQL`). Gives the answer's size.
 */
export async function askGateway(url: string, query: string, variables: Json): Promise<number> {
  const { status, answer } = await post(url, query, variables);
  if (status !== 200 || answer.includes(ERRORS_KEY) || !answer.includes('"data":{'))
    throw new Error(`${url} answered ${status}: ${answer.subarray(0, 500).toString()}`);
  return answer.length;
}

// The fields of each subgraph in the slice; the gateway query is their union.
const LDTBXH_FIELDS = 'code validFrom fullName plans { title }';
const SECTOR_FIELDS: Record<(typeof SECTORS)[number], string> = {
  health: 'healthStationCount childrenAged0To8Count',
  education: 'schoolCounts { level count }',
  culture: 'culturalFacilityCount',
};

/** first: 500 is the largest page the subgraphs serve; no province has more communes. */
const unitQuery = (kind: QueryKind, fields: string) => `
  query Slice($code: String!) {
    administrativeUnit(code: $code) {
      ${fields}
      ${kind === 'province' ? `children(first: 500) { totalCount nodes { ${fields} } }` : ''}
    }
  }`;

export const gatewayQuery = (kind: QueryKind) =>
  unitQuery(kind, `${LDTBXH_FIELDS} ${Object.values(SECTOR_FIELDS).join(' ')}`);

const entitiesQuery = (fields: string) => `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on AdministrativeUnit { ${fields} } }
  }`;

const representation = (unit: UnitKeyed) => ({
  __typename: 'AdministrativeUnit',
  code: unit.code,
  validFrom: unit.validFrom,
});

/**
 * The gateway's query plan, done by hand: one ldtbxh fetch, then in parallel one `_entities` fetch
 * per sector and per path (the unit itself, and its communes), as the plan for this query does
 * (printed by @apollo/query-planner: six fetches in one Parallel node). Returns the answer in the
 * gateway's shape, so the two can be compared.
 */
export async function directSlice(urls: Record<SubgraphName, string>, kind: QueryKind, code: string): Promise<Json> {
  const { administrativeUnit } = await postGraphQL(urls.ldtbxh, unitQuery(kind, LDTBXH_FIELDS), { code });
  if (!administrativeUnit) throw new Error(`ldtbxh has no unit ${code}`);
  const unit = administrativeUnit as UnitKeyed & { children?: { totalCount: number; nodes: UnitKeyed[] } };
  const paths = unit.children ? [[unit], unit.children.nodes] : [[unit]];
  await Promise.all(
    paths.flatMap((units) =>
      SECTORS.map(async (sector) => {
        const data = await postGraphQL(urls[sector], entitiesQuery(SECTOR_FIELDS[sector]), {
          representations: units.map(representation),
        });
        const entities = data._entities as Json[];
        // Merging into the ldtbxh answer is the gateway's last step, so it is part of the sequence too.
        units.forEach((u, i) => Object.assign(u, entities[i]));
      }),
    ),
  );
  return { administrativeUnit: unit };
}
