/**
 * The measured progress read: a plan's targets in its province and in each of the province's
 * communes, every figure from the sector that owns the indicator, asked once of the gateway and once
 * of the subgraphs directly (the gateway's query plan done by hand).
 */
import type { SubgraphName } from './config.js';
import { postGraphQL } from './slice.js';

type Json = Record<string, unknown>;

/** The sectors whose figure LĐTBXH @requires on TargetProgress, in the supergraph's order. */
export const REQUIRED_SECTORS = ['education', 'health'] as const;

const SECTOR_VALUE = '{ numerator denominator source reported }';
const ASSESSED = `figure ${SECTOR_VALUE} value gap status`;
const KEY_FIELDS = 'targetId indicatorCode unitCode unitValidFrom year';

export const PROGRESS_QUERY = `
  query Progress($key: String!, $year: Int!) {
    plan(key: $key) {
      progress(year: $year, byCommune: true) { indicatorCode unit { code } ${ASSESSED} }
    }
  }`;

const LDTBXH_QUERY = `
  query Progress($key: String!, $year: Int!) {
    plan(key: $key) {
      progress(year: $year, byCommune: true) { __typename ${KEY_FIELDS} unit { code } }
    }
  }`;

const entities = (selection: string) => `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on TargetProgress { ${selection} } }
  }`;

/**
 * The gateway's plan for PROGRESS_QUERY: LĐTBXH lists the plan's progress entities; each sector that
 * LĐTBXH @requires gives its figure for all of them (in parallel); LĐTBXH assesses them with those
 * figures. Returns the answer in the gateway's shape.
 */
export async function directProgress(urls: Record<SubgraphName, string>, key: string, year: number): Promise<Json> {
  const { plan } = await postGraphQL(urls.ldtbxh, LDTBXH_QUERY, { key, year });
  if (!plan) throw new Error(`ldtbxh has no plan ${key}`);
  const rows = (plan as { progress: Json[] }).progress;
  const representations = rows.map((row) => ({
    __typename: 'TargetProgress',
    ...Object.fromEntries(KEY_FIELDS.split(' ').map((field) => [field, row[field]])),
  })) as Json[];
  await Promise.all(
    REQUIRED_SECTORS.map(async (sector) => {
      const data = await postGraphQL(urls[sector], entities(`${sector} ${SECTOR_VALUE}`), { representations });
      (data._entities as Json[]).forEach((entity, i) => Object.assign(representations[i]!, entity));
    }),
  );
  const assessed = await postGraphQL(urls.ldtbxh, entities(ASSESSED), { representations });
  const progress = rows.map((row, i) => ({ indicatorCode: row.indicatorCode, unit: row.unit, ...(assessed._entities as Json[])[i] }));
  return { plan: { progress } };
}
