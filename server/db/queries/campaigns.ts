import { randomUUID } from 'node:crypto';
import type { Executor } from '../database.ts';
import type { NewRow, Row } from '../tables.ts';

export type CampaignRow = Row<'campaigns'>;

/** The newest campaigns first: those people created (`parentId` null), or the runs of one. */
export async function listCampaigns(
  db: Executor,
  limit: number,
  parentId: string | null = null,
): Promise<CampaignRow[]> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function findCampaign(db: Executor, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function campaignExists(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('campaigns').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertCampaign(db: Executor, values: Omit<NewRow<'campaigns'>, 'id'>): Promise<CampaignRow> {
  return db
    .insertInto('campaigns')
    .values({ id: randomUUID(), ...values })
    .returningAll()
    .executeTakeFirstOrThrow();
}
