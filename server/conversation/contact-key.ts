import { sql, type RawBuilder } from 'kysely';

/*
 * A contact as a webhook knows it before it is stored: its channel and WhatsApp id, or its user
 * id when Meta hides the number. Deliveries in flight are held by this key (inbound-in-flight.ts),
 * webhook storage matches messages to the contacts it upserts by it, and claims compare it with
 * stored rows in SQL: the TypeScript and SQL forms below must give the same bytes.
 */
const byWaId = '|w|';
const byUserId = '|u|';

export function inboundContactKey(channelId: string, waId: string | null, userId: string | null): string {
  return waId ? `${channelId}${byWaId}${waId}` : `${channelId}${byUserId}${userId ?? ''}`;
}

const column = (alias: string, name: 'channel_id' | 'wa_id' | 'user_id') => sql.ref(`${alias}.${name}`);

/** The key of the contacts row `alias` that is known to have a wa_id. */
export function waIdContactKeySql(alias: string): RawBuilder<string> {
  return sql<string>`${column(alias, 'channel_id')} || ${sql.lit(byWaId)} || ${column(alias, 'wa_id')}`;
}

/** The key of the contacts row `alias` when it is taken by its user id. */
export function userIdContactKeySql(alias: string): RawBuilder<string> {
  return sql<string>`${column(alias, 'channel_id')} || ${sql.lit(byUserId)} || coalesce(${column(alias, 'user_id')}, '')`;
}

/** The key of the contacts row `alias`, whichever id it has (`inboundContactKey` in SQL). */
export function contactKeySql(alias: string): RawBuilder<string> {
  return sql<string>`(case when ${column(alias, 'wa_id')} is not null then ${waIdContactKeySql(alias)}
    else ${userIdContactKeySql(alias)} end)`;
}
