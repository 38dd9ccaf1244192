import { sql } from 'kysely';
import type { Db, Executor } from '../db/database.ts';
import { prepared } from '../db/prepared-statements.ts';
import type { Row } from '../db/tables.ts';
import { contactKeySql } from './contact-key.ts';

export type ClaimedContact = Pick<
  Row<'contacts'>,
  'id' | 'channel_id' | 'wa_id' | 'user_id' | 'name' | 'last_inbound_at'
>;

/**
 * The order contact rows are locked in when a batch gives its leases up: the order webhook
 * storage upserts them (those with a wa_id first, then by channel and id, byte order), so the
 * two cannot deadlock.
 */
export const contactLockOrder = sql.raw(
  '(wa_id is null), channel_id collate "C", wa_id collate "C", user_id collate "C"',
);

/** A live session as the processor needs it (see `run-contact.ts`). */
export interface LiveSession {
  id: string;
  flow_id: string;
  flow_version_id: string;
  state: unknown;
}

/** A claimed contact with everything its run needs, read in the same statement as the claim. */
export interface ClaimedWork extends ClaimedContact {
  /** The newest WhatsApp timestamp handled before this claim (messages older than it arrived late). */
  handled_up_to: string | null;
  pending: { id: string; wamid: string | null; wa_timestamp: string | null; created_at: string; payload: unknown }[];
  timers: { id: string; key: string | null; kind: string; run_at: string; payload: unknown }[];
  session: LiveSession | null;
}

/**
 * Lease owners are named `<liveness key>:<pid>/<worker>`: the key is the advisory lock this
 * process holds while it lives (see `db/process-liveness.ts`), so the owner of any lease can be
 * checked for being alive. The pid is only for people reading the table.
 */
export function processLeaseOwner(livenessKey: number): string {
  return `${livenessKey}:${process.pid}`;
}

/** Owners named after a liveness key (leases written before keys existed simply expire). */
const keyedOwner = sql.raw(`'^[0-9]{1,9}:'`);

/** What a restart took back from processes that are gone. */
export interface Reclaimed {
  contacts: number;
  sends: number;
}

/**
 * Right after a crash, a restart (ours or anyone's) takes back what every process that is gone
 * held, instead of leaving it to run out: contact leases (30 s by default) are freed, and the
 * locks of sends cut off mid-call end now. Such a send still waits `reconcileMs` for Meta's
 * status webhook before it goes again (Meta may have it), but no longer for the lock as well.
 * "Gone" is asked of Postgres: nobody holds that owner's liveness lock. The check takes the
 * lock for this transaction, so a process starting right now cannot draw that key meanwhile;
 * a live process's lock cannot be taken, so its leases stay put.
 */
export async function reclaimFromDeadProcesses(db: Db, livenessLockSpace: number, now: Date): Promise<Reclaimed> {
  const result = await sql<{ contacts: number; sends: number }>`
    with holders as (
      select split_part(lease_owner, ':', 1) as key from contacts where lease_owner ~ ${keyedOwner} and lease_until >= ${now}
      union
      select split_part(lock_owner, ':', 1) from outbox where status = 'sending' and lock_owner ~ ${keyedOwner} and locked_until >= ${now}
    ), gone as (
      select key from holders where pg_try_advisory_xact_lock(${livenessLockSpace}, key::int)
    ), contacts_back as (
      update contacts c set lease_owner = null, lease_until = null
      from gone where c.lease_owner ~ ${keyedOwner} and split_part(c.lease_owner, ':', 1) = gone.key
      returning c.id
    ), sends_back as (
      update outbox o set locked_until = ${now}, lock_owner = null
      from gone where o.status = 'sending' and o.lock_owner ~ ${keyedOwner} and split_part(o.lock_owner, ':', 1) = gone.key
        and o.locked_until > ${now}
      returning o.id
    )
    select (select count(*) from contacts_back)::int as contacts, (select count(*) from sends_back)::int as sends
  `.execute(db);
  return result.rows[0] ?? { contacts: 0, sends: 0 };
}

/**
 * Embedded: only one process can open the database, so everything found held at start was
 * held by an earlier run of this one, which is gone.
 */
export async function reclaimAll(db: Db, now: Date): Promise<Reclaimed> {
  const contacts = await db
    .updateTable('contacts')
    .set({ lease_owner: null, lease_until: null })
    .where('lease_owner', 'is not', null)
    .returning('id')
    .execute();
  const sends = await db
    .updateTable('outbox')
    .set({ locked_until: now, lock_owner: null })
    .where('status', '=', 'sending')
    .where('locked_until', '>', now)
    .returning('id')
    .execute();
  return { contacts: contacts.length, sends: sends.length };
}

/** At shutdown, after the workers stopped: whatever this process still holds, it gives up. */
export async function releaseProcessLeases(db: Db, processOwner: string): Promise<void> {
  await db
    .updateTable('contacts')
    .set({ lease_owner: null, lease_until: null })
    .where('lease_owner', 'like', `${processOwner}/%`)
    .execute();
}

/**
 * Takes up to `limit` contacts that have work (unprocessed messages or due timers) and no
 * live lease, those that have waited longest first, and reads their pending messages (oldest WhatsApp timestamp first), due jobs and
 * live session in the same statement: one round trip between a wake-up and the engine. The
 * `lease_until` test is re-checked by Postgres on the locked row, so two instances running this
 * at once never both get the same contact. Contacts in `held` (`inboundContactKey`: a delivery
 * of theirs is still being stored, here or on another instance: see `inbound-in-flight.ts` and
 * `shared-in-flight.ts`) are left for the wake-up that store sends.
 *
 * On Postgres the pending messages are read as of the statement's start, while the lock sees
 * the contact's row as it is now: another processor may have run and committed the contact in
 * between, and its messages are then listed here although already processed. The commit
 * refuses such a run (`commit-batch.ts`, `settleLeases`), so it is only wasted, never sent twice.
 */
export async function claimWork(
  db: Db,
  owner: string,
  now: Date,
  leaseMs: number,
  limit: number,
  held: readonly string[] = [],
): Promise<ClaimedWork[]> {
  const until = new Date(now.getTime() + leaseMs);
  const result = await sql<ClaimedWork>`${sql.raw(prepared)}
    with claimed as (
      update contacts c set lease_owner = ${owner}, lease_until = ${until}
      from (
        select x.id from (
          -- Every contact with work, and since when it has waited. The pending set is the
          -- backlog (small unless the processors fall behind), read through partial indexes.
          select contact_id, min(since) as since from (
            select contact_id, created_at as since from messages where direction = 'in' and processed_at is null
            union all
            select contact_id, run_at from scheduled_jobs where status = 'pending' and run_at <= ${now} and contact_id is not null
          ) p group by contact_id
        ) w
        join contacts x on x.id = w.contact_id
        -- Our own lease is stale too: this owner runs one pass at a time, so a lease it still
        -- holds now was left by an earlier pass that failed (a database error mid-pass).
        where (x.lease_until is null or x.lease_until < ${now} or x.lease_owner = ${owner})
          and ${contactKeySql('x')} <> all(${[...held]}::text[])
        -- Longest waiting first, across all contacts: taking the first few hundred in index
        -- (contact id) order starved contacts whose ids sort late while a backlog lasted, and
        -- came back empty once those few hundred were all leased by busy processors.
        order by w.since
        limit ${limit}
        -- A contact row locked right now is being written by webhook storage (which wakes us
        -- again when it commits) or settled by another processor: skip it rather than wait.
        for update of x skip locked
      ) pick
      where c.id = pick.id
      returning c.id, c.channel_id, c.wa_id, c.user_id, c.name, c.last_inbound_at, c.handled_up_to
    )
    select c.*,
      (select coalesce(json_agg(json_build_object('id', m.id, 'wamid', m.wamid, 'wa_timestamp', m.wa_timestamp,
          'created_at', m.created_at, 'payload', m.payload) order by m.wa_timestamp, m.created_at), '[]'::json)
        from messages m where m.contact_id = c.id and m.direction = 'in' and m.processed_at is null) as pending,
      (select coalesce(json_agg(json_build_object('id', j.id, 'key', j.key, 'kind', j.kind, 'run_at', j.run_at, 'payload', j.payload)), '[]'::json)
        from scheduled_jobs j where j.contact_id = c.id and j.status = 'pending' and j.run_at <= ${now}) as timers,
      (select json_build_object('id', s.id, 'flow_id', s.flow_id, 'flow_version_id', s.flow_version_id, 'state', s.state)
        from conversation_sessions s where s.contact_id = c.id and s.status <> 'ended') as session
    from claimed c
  `.execute(db);
  return result.rows;
}

/**
 * Last statement of the committing transaction: gives up this owner's leases on these contacts
 * and says which it still held (a lease that expired mid-run may have been taken over, and then
 * the transaction must not commit). Rows are locked in `contactLockOrder`.
 */
export async function settleLeases(
  tx: Executor,
  owner: string,
  contactIds: string[],
  handled: readonly HandledUpTo[] = [],
): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const result = await sql<{ id: string }>`${sql.raw(prepared)}
    update contacts c set lease_owner = null, lease_until = null, handled_up_to = greatest(c.handled_up_to, h.handled_up_to)
    from (
      select id from contacts where id = any(${contactIds}::text[]) and lease_owner = ${owner}
      order by ${contactLockOrder}
      for update
    ) mine
    left join jsonb_to_recordset(${JSON.stringify(handled)}::jsonb) as h(contact_id text, handled_up_to timestamptz)
      on h.contact_id = mine.id
    where c.id = mine.id
    returning c.id
  `.execute(tx);
  return new Set(result.rows.map((r) => r.id));
}

/** A contact's newest WhatsApp timestamp in a run, as the commit writes it to `handled_up_to`. */
export interface HandledUpTo {
  contact_id: string;
  handled_up_to: string;
}

/**
 * The contacts among these runs (`handled`: each one's newest WhatsApp timestamp run) with an
 * inbound message still pending that is not among the runs' `ranIds` and is older, by
 * WhatsApp's clock, than the newest its run handled. Meta may deliver one contact's two
 * messages swapped: the later one was stored and run, and the earlier one was stored while the
 * run was under way (a claim left the contact out only while that delivery was in flight here,
 * and a claim already reading saw neither). Committing the run would answer the later one alone
 * and leave the earlier one "late", never answered; not committing it lets the rerun take both
 * in order. Read through `messages_pending_idx`, once per contact.
 */
export function overtakenContacts(handled: readonly HandledUpTo[], ranIds: readonly string[]) {
  return sql<{ contact_id: string }>`select eh.contact_id
    from jsonb_to_recordset(${JSON.stringify(handled)}::jsonb) as eh(contact_id text, handled_up_to timestamptz)
    where exists (select 1 from messages em
      where em.contact_id = eh.contact_id and em.direction = 'in' and em.processed_at is null
        and em.wa_timestamp < eh.handled_up_to and em.id <> all(${[...ranIds]}::text[]))`;
}

/**
 * The contacts among these runs that must not be committed: one of the run's messages is
 * already processed (the claim read it just before another processor committed it, see
 * `claimWork`, and committing would answer it twice), or an earlier message arrived meanwhile
 * (`overtakenContacts`).
 */
export async function staleRuns(
  db: Executor,
  messageIds: string[],
  handled: readonly HandledUpTo[] = [],
): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const result = await sql<{ contact_id: string }>`
    select distinct contact_id from messages where id = any(${messageIds}::text[]) and processed_at is not null
    union
    ${overtakenContacts(handled, messageIds)}
  `.execute(db);
  return new Set(result.rows.map((r) => r.contact_id));
}

export async function releaseLeases(db: Executor, owner: string, contactIds: string[], retryAt?: Date): Promise<void> {
  if (contactIds.length === 0) return;
  await db
    .updateTable('contacts')
    .set({ lease_owner: null, lease_until: retryAt ?? null })
    .where('id', 'in', contactIds)
    .where('lease_owner', '=', owner)
    .execute();
}
