/**
 * The measured progress read: a plan's targets in its province and in each of the province's
 * communes, every figure from the sector that owns the indicator, asked once of the gateway and once
 * of the subgraphs directly (the gateway's query plan done by hand).
 */
import type { SubgraphName } from './config.js';
import { postGraphQL } from './slice.js';

type Json = Record<string, unknown>;

const SECTOR_VALUE = '{ numerator denominator source reported }';
const ASSESSED = `figure ${SECTOR_VALUE} value gap status`;
const KEY_FIELDS = 'targetId indicatorCode unitCode unitValidFrom year';

/** With `bySex`, each target is also split into boys and girls (health's indicators; null for the others). */
const BY_SEX = 'bySex { sex label numerator denominator value gap status }';

export const progressQuery = (bySex: boolean) => `
  query Progress($key: String!, $year: Int!) {
    plan(key: $key) {
      progress(year: $year, byCommune: true) { indicatorCode unit { code } ${ASSESSED}${bySex ? ` ${BY_SEX}` : ''} }
    }
  }`;

const LDTBXH_QUERY = `
  query Progress($key: String!, $year: Int!) {
    plan(key: $key) {
      progress(year: $year, byCommune: true) { __typename ${KEY_FIELDS} unit { code } }
    }
  }`;

async function entitiesOf(url: string, selection: string, representations: Json[]): Promise<Json[]> {
  const query = `
    query Entities($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on TargetProgress { ${selection} } }
    }`;
  return (await postGraphQL(url, query, { representations }))._entities as Json[];
}

/**
 * The gateway's plan for `progressQuery` (printed with @apollo/query-planner): LĐTBXH lists the
 * plan's progress entities; education and health give their figures for all of them, in parallel;
 * LĐTBXH assesses them with those figures. With `bySex`, LĐTBXH also assesses health's split as soon
 * as health has answered, while education may still be working. Returns the answer in the gateway's shape.
 */
export async function directProgress(urls: Record<SubgraphName, string>, key: string, year: number, bySex: boolean): Promise<Json> {
  const { plan } = await postGraphQL(urls.ldtbxh, LDTBXH_QUERY, { key, year });
  if (!plan) throw new Error(`ldtbxh has no plan ${key}`);
  const rows = (plan as { progress: Json[] }).progress;
  const keys = rows.map((row) => ({
    __typename: 'TargetProgress',
    ...Object.fromEntries(KEY_FIELDS.split(' ').map((field) => [field, row[field]])),
  })) as Json[];
  const [[health, split], education] = await Promise.all([
    (async () => {
      const figures = await entitiesOf(urls.health, `health ${SECTOR_VALUE}${bySex ? ' healthBySex { sex numerator denominator }' : ''}`, keys);
      if (!bySex) return [figures, []] as const;
      return [figures, await entitiesOf(urls.ldtbxh, BY_SEX, keys.map((k, i) => ({ ...k, healthBySex: figures[i]!.healthBySex })))] as const;
    })(),
    entitiesOf(urls.education, `education ${SECTOR_VALUE}`, keys),
  ]);
  const assessed = await entitiesOf(urls.ldtbxh, ASSESSED, keys.map((k, i) => ({ ...k, education: education[i]!.education, health: health[i]!.health })));
  const progress = rows.map((row, i) => ({ indicatorCode: row.indicatorCode, unit: row.unit, ...assessed[i], ...split[i] }));
  return { plan: { progress } };
}
