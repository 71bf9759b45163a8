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

/** The sectors whose figures LĐTBXH @requires on TargetProgress. */
const REQUIRED_SECTORS = ['education', 'health'] as const;

/**
 * The gateway's plan for `progressQuery` (printed with @apollo/query-planner): LĐTBXH lists the
 * plan's progress entities; education and health give their figures and earlier years' figures (and
 * with `bySex` their split by sex) for all of them, in parallel; LĐTBXH assesses them with those figures, and with `bySex` assesses
 * the split in a second fetch beside the first (the planner does not merge fields whose @requires
 * differ). Returns the answer in the gateway's shape.
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
  const splits: Json[] = keys.map(() => ({}));
  await Promise.all(
    REQUIRED_SECTORS.map(async (sector) => {
      // The earlier years' figures feed the baseline of both the status and the split.
      const earlier = `${sector}Earlier`;
      const selection = `${sector} ${SECTOR_VALUE} ${earlier} { year numerator denominator }${bySex ? ` ${sector}BySex { sex numerator denominator }` : ''}`;
      (await entitiesOf(urls[sector], selection, keys)).forEach(({ [`${sector}BySex`]: split, ...figure }, i) => {
        // _entities answers one entity per representation sent, in their order.
        Object.assign(itemAt(figures, i, `${sector}'s entities`), figure);
        if (bySex)
          Object.assign(itemAt(splits, i, `${sector}'s entities`), {
            [`${sector}BySex`]: split,
            [earlier]: figure[earlier],
          });
      });
    }),
  );
  const [assessed, split] = await Promise.all([
    entitiesOf(
      urls.ldtbxh,
      ASSESSED,
      keys.map((k, i) => ({ ...k, ...figures[i] })),
    ),
    bySex
      ? entitiesOf(
          urls.ldtbxh,
          BY_SEX,
          keys.map((k, i) => ({ ...k, ...splits[i] })),
        )
      : [],
  ]);
  const progress = rows.map((row, i) => ({
    indicatorCode: row.indicatorCode,
    unit: row.unit,
    ...assessed[i],
    ...split[i],
  }));
  return { plan: { progress } };
}
