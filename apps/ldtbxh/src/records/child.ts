import DataLoader from 'dataloader';
import type { PrismaClient } from '../generated/prisma/client.js';

/** A child as the federation references it: by key only. */
export interface ChildParent {
  key: string;
}

/** Rows of a table by child key, one query per batch (`fetch` returns the rows of all keys). */
export function byChildKey<Row extends { childKey: string }>(fetch: (keys: string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row[]>(async (keys) => {
    const rows = await fetch([...keys]);
    const grouped = new Map<string, Row[]>(keys.map((k) => [k, []]));
    for (const row of rows) grouped.get(row.childKey)?.push(row);
    return keys.map((k) => grouped.get(k)!);
  });
}

/** Whether LĐTBXH holds any record of the child (referral, special circumstance, protection case, social support). */
export async function holdsRecordsOf(prisma: PrismaClient, childKey: string): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM referral WHERE child_key = ${childKey})
        OR EXISTS (SELECT 1 FROM special_circumstance_child WHERE child_key = ${childKey})
        OR EXISTS (SELECT 1 FROM protection_case WHERE child_key = ${childKey})
        OR EXISTS (SELECT 1 FROM social_support WHERE child_key = ${childKey}) AS found`;
  return row?.found ?? false;
}
