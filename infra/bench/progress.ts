/**
 * The measured progress read: a plan's targets in its province and in each of the province's
 * communes, every figure from the sector that owns the indicator, asked once of the gateway and once
 * of the subgraphs directly (the gateway's query plan done by hand).
 */
import type { SubgraphName } from './config.js';
import { itemAt } from './item-at.js';
import { postGraphQL } from './slice.js';

type Json = Record<string, unknown>;

const SECTOR_VALUE = '{ numerator denominator source reported }';
const ASSESSED = `figure ${SECTOR_VALUE} value gap status`;
const KEY_FIELDS = 'targetId indicatorCode unitCode unitValidFrom year byCommune';

/** With `bySex`, each target and commune is also split into boys and girls (health's and education's indicators that have it). */
const SEX_PROGRESS = '{ sex label numerator denominator value gap status }';
const BY_SEX = `bySex ${SEX_PROGRESS} communesBySex { unit { code } bySex ${SEX_PROGRESS} }`;
const COMMUNES = `communes { unit { code } ${ASSESSED} }`;

export const progressQuery = (bySex: boolean) => `
  query Progress($key: String!, $year: Int!) {
    plan(key: $key) {
      progress(year: $year, byCommune: true) { indicatorCode unit { code } ${ASSESSED} ${COMMUNES}${bySex ? ` ${BY_SEX}` : ''} }
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

/** The sectors whose figures LĐTBXH @requires on TargetProgress. */
const REQUIRED_SECTORS = ['education', 'health'] as const;

/** What LĐTBXH @requires of a sector: the unit's figure, its earlier years', each commune's (and with `bySex` the splits). */
const requiredOf = (sector: string, bySex: boolean) =>
  `${sector} ${SECTOR_VALUE} ${sector}Earlier { year numerator denominator }
   ${sector}Communes { unitCodes numerators denominators sources sourceIndexes reported }` +
  (bySex
    ? ` ${sector}BySex { sex numerator denominator }
        ${sector}CommunesBySex { unitCodes groups { sex numerators denominators } }`
    : '');

/**
 * The gateway's plan for `progressQuery` (printed with @apollo/query-planner): LĐTBXH lists the
 * plan's progress entities, one per target; education and health give their figures for each (the
 * unit's, its earlier years', its communes', and with `bySex` their splits), in parallel; LĐTBXH
 * assesses them with those figures, in one fetch with `bySex` too. Returns the answer in the gateway's shape.
 */
export async function directProgress(
  urls: Record<SubgraphName, string>,
  key: string,
  year: number,
  bySex: boolean,
): Promise<Json> {
  const { plan } = await postGraphQL(urls.ldtbxh, LDTBXH_QUERY, { key, year });
  if (!plan) throw new Error(`ldtbxh has no plan ${key}`);
  const rows = (plan as { progress: Json[] }).progress;
  const keys = rows.map((row) => ({
    __typename: 'TargetProgress',
    ...Object.fromEntries(KEY_FIELDS.split(' ').map((field) => [field, row[field]])),
  })) as Json[];
  const figures: Json[] = keys.map(() => ({}));
  await Promise.all(
    REQUIRED_SECTORS.map(async (sector) => {
      // _entities answers one entity per representation sent, in their order.
      (await entitiesOf(urls[sector], requiredOf(sector, bySex), keys)).forEach((figure, i) =>
        Object.assign(itemAt(figures, i, `${sector}'s entities`), figure),
      );
    }),
  );
  const assessed = await entitiesOf(
    urls.ldtbxh,
    `${ASSESSED} ${COMMUNES}${bySex ? ` ${BY_SEX}` : ''}`,
    keys.map((k, i) => ({ ...k, ...figures[i] })),
  );
  const progress = rows.map((row, i) => ({ indicatorCode: row.indicatorCode, unit: row.unit, ...assessed[i] }));
  return { plan: { progress } };
}
