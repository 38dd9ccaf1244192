import { sql } from 'kysely';
import type { Clock } from '../context.ts';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/prepared-statements.ts';
import type { Logger } from '../logger.ts';
import { createGroupCommit } from '../queue/group-commit.ts';
import type { RateLimiter } from '../queue/rate-limiter.ts';
import type { ChannelDirectory, ChannelInfo } from '../channels/channel-directory.ts';
import type { GraphClient } from '../whatsapp/graph-client.ts';
import { backoffMs, pairRateBackoffMs, type GraphErrorClass } from '../whatsapp/graph-errors.ts';
import { recordSends, type SendOutcome } from './record-sends.ts';
import { graphErrorsTotal, messagesTotal, sendLatencySeconds } from '../metrics/registry.ts';
import { stageSeconds, timed } from '../metrics/stages.ts';
import { inStage } from '../metrics/io-count.ts';

export interface SenderOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  channels: ChannelDirectory;
  graph: GraphClient;
  limiter: RateLimiter;
  lockMs: number;
  /**
   * How long an attempt whose outcome we never learned (process killed mid-request) waits for
   * Meta's status webhook, which echoes our outbox id, before it is sent again.
   */
  reconcileMs: number;
  /**
   * When this process started. Status webhooks sent while no instance was up arrive only
   * after a restart (Meta retries them), so after a restart the reconcile delay counts from
   * here, not from the dead lock: otherwise a long restart would re-send confirmed messages.
   */
  startedAt: Date;
  batchSize: number;
  /** Names this sender's locks, so a restart can tell a dead process's from a live one's. */
  owner?: string;
  random?: () => number;
  /**
   * How long a record of sends stays open for more (0: none). Every reply and read receipt is
   * recorded; the reply's contact sees it already, and only their next reply waits on this.
   */
  recordLingerMs?: number;
  /** A message to the contact was recorded as accepted by Meta, or as failed (for the studio's live view). */
  onStatus?: (contactId: string) => void;
}

interface Claimed {
  id: string;
  kind: 'message' | 'read';
  channel_id: string;
  contact_id: string;
  attempts: number;
  message_id: string;
  payload: { graph?: Record<string, unknown> };
  wamid: string | null;
  /** A reply with another queued behind it for the same contact (false for read receipts). */
  has_next: boolean;
}

/**
 * Takes the oldest unsent reply of each contact (so a contact's replies go out in order, one
 * at a time), and any read receipt, when it is due, or when an earlier attempt's lock ran out
 * long enough ago and no status webhook has shown that Meta got it. Conditions are on the
 * outbox row itself, which Postgres re-checks under the row lock, so concurrent senders never
 * take the same row.
 */
async function claimHeads(db: Db, now: Date, o: SenderOptions): Promise<Claimed[]> {
  const lockUntil = new Date(now.getTime() + o.lockMs);
  const waited = now.getTime() - o.reconcileMs;
  // Until this process has listened for `reconcileMs`, no lock counts as stale.
  const stale = new Date(waited >= o.startedAt.getTime() ? waited : 0);
  const limit = o.batchSize;
  const result = await sql<Claimed>`${sql.raw(prepared)}
    with confirmed as (
      -- A send whose outcome we never recorded (crash, no answer), but whose status webhook
      -- came: Meta has it, so it leaves the queue, never sent again.
      -- Scalar subqueries, looked up per row: a join or EXISTS may be planned as a scan of all messages.
      delete from outbox o
      where o.status = 'sending' and o.kind = 'message' and o.locked_until < ${now}
        and (select m.wamid from messages m where m.id = o.message_id) is not null
      returning o.id
    ), due_replies as (
      -- Each contact's oldest unsent reply, the oldest of those first across contacts: taking
      -- the first heads in contact id order made contacts whose ids sort late wait for seconds
      -- whenever the room ran out. The partial index holds only unsent rows (sent ones are
      -- deleted), so reading every contact's head is reading the backlog, not the table.
      -- Whether another reply waits behind the head is counted in the same read of the queue.
      -- (A subquery per claimed row was planned, with statistics from a quiet moment, as a walk of
      -- another index over every unsent reply, for each row: 34 of a claim's 44 ms when saturated.)
      select h.id, h.has_next from (
        select distinct on (contact_id) id, seq, status, next_attempt_at, locked_until, message_id,
          count(*) over (partition by contact_id) > 1 as has_next
        from outbox
        where status in ('pending', 'sending') and kind = 'message' order by contact_id, seq
      ) h
      where (h.status = 'pending' and h.next_attempt_at <= ${now})
         or (h.status = 'sending' and h.locked_until < ${stale}
             -- Per row, not a join: a join may be planned as a scan of all messages.
             and (select m.wamid from messages m where m.id = h.message_id) is null)
      order by h.seq
      limit ${limit}
    ), due_reads as (
      -- Read receipts need no order among contacts' replies, but the oldest go first (in the
      -- read queue's index order), so none waits behind newer ones when the room runs out.
      select id, false as has_next from outbox
      where status in ('pending', 'sending') and kind = 'read'
        and ((status = 'pending' and next_attempt_at <= ${now}) or (status = 'sending' and locked_until < ${stale}))
      order by seq
      limit ${limit}
    ), due as (
      -- Up to the limit of each, so neither queue starves the other.
      select id, has_next from due_replies union all select id, has_next from due_reads
    )
    update outbox o set status = 'sending', locked_until = ${lockUntil}, lock_owner = ${o.owner ?? null}, attempts = o.attempts + 1
    -- The due ids as an array, computed once: joining \`due\` in FROM was planned, by a generic
    -- plan made while the queue was empty (Postgres keeps it until autovacuum analyzes the
    -- table), as a scan of the whole outbox that read the queue again for every row: 2 s per
    -- claim at saturation on a fresh database, and replies owed a minute later.
    where o.id = any(array(select id from due))
      and ((o.status = 'pending' and o.next_attempt_at <= ${now}) or (o.status = 'sending' and o.locked_until < ${stale}))
    returning o.id, o.kind, o.channel_id, o.contact_id, o.attempts, o.message_id,
      -- Looked up per claimed row: joining messages in FROM let the planner hash the whole table.
      (select m.payload from messages m where m.id = o.message_id) as payload,
      (select m.wamid from messages m where m.id = o.message_id) as wamid,
      o.id = any(array(select id from due where has_next)) as has_next
  `.execute(db);
  return result.rows;
}

/**
 * The sender as a pipeline: each pass claims as many heads as there is room for and starts
 * their sends without waiting for them, so one slow or rate-limited send never holds back the
 * other contacts' replies. `onSettled` wakes the loop when a settled send may have unblocked
 * something: the contact's next reply, or rows left behind when the room ran out. `drain`
 * waits for sends still under way (shutdown).
 */
export function createSender(o: SenderOptions, onSettled: () => void) {
  const inFlight = new Set<Promise<void>>();
  // Replies queued (anywhere) since a row was claimed: the row's contact may be among them,
  // and that reply could not be claimed while this one was in flight.
  let queuedReplies = 0;
  let roomRanOut = false;
  // Sends that went through are recorded together: one statement for however many settled
  // while the previous one was being written, or within `recordLingerMs` of the first.
  const recorder = createGroupCommit(
    async (outcomes: SendOutcome[]) => {
      await timed('record', () => recordSends(o.db, outcomes, o.clock.now()));
      return outcomes.map(() => undefined);
    },
    { lingerMs: o.recordLingerMs ?? 0 },
  );
  const record = (outcome: SendOutcome) => recorder.submit(outcome);
  // After the database failed under us, some rows may be `sending` under our name with nobody
  // working on them: sends whose outcome could not be written (the call went out, or maybe not)
  // and claims that committed but whose answer never reached us (never sent). Each holds its
  // contact's later replies back until its lock runs out. The next pass that reaches the
  // database settles them instead: the first kind is reconciled from now (confirmed by its
  // status webhook, or sent again after `reconcileMs`), the second goes back to the queue.
  const working = new Set<string>();
  const unrecorded = new Set<string>();
  let orphansPossible = false;
  const settleOrphans = async (now: Date) => {
    const ids = [...unrecorded];
    if (ids.length > 0) {
      await o.db
        .updateTable('outbox')
        .set({ locked_until: now })
        .where('id', 'in', ids)
        .where('status', '=', 'sending')
        .where('locked_until', '>', now)
        .execute();
    }
    if (o.owner) {
      const ours = [...working, ...ids];
      await o.db
        .updateTable('outbox')
        .set({ status: 'pending', locked_until: null, next_attempt_at: now })
        .where('lock_owner', '=', o.owner)
        .where('status', '=', 'sending')
        .where('locked_until', '>', now)
        .$if(ours.length > 0, (q) => q.where('id', 'not in', ours))
        .execute();
    }
    ids.forEach((id) => unrecorded.delete(id));
    orphansPossible = false;
  };
  return {
    /** Claims and starts what is due; true when the room ran out before the work did. */
    async pass(): Promise<boolean> {
      const room = o.batchSize - inFlight.size;
      // Full: the next settling send wakes the loop.
      if (room <= 0) return false;
      if (orphansPossible) await settleOrphans(o.clock.now());
      let rows: Claimed[];
      try {
        rows = await timed('outbox', () => claimHeads(o.db, o.clock.now(), { ...o, batchSize: room }));
      } catch (err) {
        // The claim may have committed with its answer lost on the way.
        orphansPossible = true;
        throw err;
      }
      roomRanOut = rows.length >= room;
      for (const row of rows) {
        const queuedBefore = queuedReplies;
        working.add(row.id);
        const sending: Promise<void> = inStage('send', () => sendOne(o, row, record))
          // A database error after the call leaves the row locked: see `settleOrphans`.
          .catch((err: unknown) => {
            o.logger.error('recording a send failed', { outboxId: row.id, err });
            unrecorded.add(row.id);
            orphansPossible = true;
          })
          .finally(() => {
            working.delete(row.id);
            inFlight.delete(sending);
            const unblocked = row.has_next || queuedReplies !== queuedBefore;
            // Left-behind rows: waking once half the room is free, not per send, keeps claims batched.
            if (unblocked || (roomRanOut && inFlight.size <= o.batchSize / 2)) onSettled();
          });
        inFlight.add(sending);
      }
      return roomRanOut;
    },
    /** New replies were queued (the outbox wake-up): call before waking the loop. */
    repliesQueued(): void {
      queuedReplies += 1;
    },
    async drain(): Promise<void> {
      await Promise.all([...inFlight]);
    },
  };
}

async function sendOne(o: SenderOptions, row: Claimed, record: (outcome: SendOutcome) => Promise<void>): Promise<void> {
  let channel: Awaited<ReturnType<ChannelDirectory['byId']>>;
  try {
    channel = await o.channels.byId(row.channel_id);
    if (channel && (row.kind === 'read' || row.payload.graph))
      await o.limiter.take(channel.phoneNumberId, channel.throughput);
  } catch (err) {
    return requeueNotSent(o, row, err);
  }
  if (!channel) {
    // Secrets that do not open are our misconfiguration, not the message's fault: it waits.
    if (await o.channels.isUnreadable(row.channel_id).catch(() => false)) return waitForSecrets(o, row);
    return fail(o, row, { code: 'channel_missing', message: 'O canal deste contato foi removido.' });
  }

  if (row.kind === 'read') {
    const result = row.wamid
      ? await o.graph.markAsRead(channel.phoneNumberId, channel.accessToken, row.wamid)
      : { ok: true as const };
    // A missed read receipt is cosmetic: never retried, never blocks the replies behind it.
    if (!result.ok) o.logger.warn('mark as read failed', { error: result.error.message });
    return record({ outboxId: row.id, wamid: null });
  }

  const graph = row.payload.graph;
  if (!graph) return fail(o, row, { code: 'no_payload', message: 'Mensagem sem conteúdo para o WhatsApp.' });
  // Our outbox id rides along; Meta echoes it in status webhooks (see `reconcileMs`).
  const started = performance.now();
  const result = await o.graph.sendMessage(channel.phoneNumberId, channel.accessToken, {
    ...graph,
    biz_opaque_callback_data: `outbox:${row.id}`,
  });
  const seconds = (performance.now() - started) / 1000;
  sendLatencySeconds.observe({ outcome: result.ok ? 'ok' : 'error' }, seconds);
  stageSeconds.observe({ stage: 'send' }, seconds);
  if (result.ok) {
    messagesTotal.inc({ channel: channel.id, direction: 'out' });
    if (!channel.proven) await markProven(o, channel);
    await record({ outboxId: row.id, wamid: result.wamid });
    o.onStatus?.(row.contact_id);
    return;
  }
  await handleError(o, row, channel.id, result.error);
}

/** Meta accepted a message with this token: the channel works, whatever the studio showed before. */
async function markProven(o: SenderOptions, channel: ChannelInfo): Promise<void> {
  channel.proven = true;
  await o.db
    .updateTable('channels')
    .set({ checked_at: o.clock.now(), check_ok: true, check_error: null, healthy: true, health_error: null })
    .where('id', '=', channel.id)
    .where((eb) => eb.or([eb('check_ok', 'is not', true), eb('healthy', '=', false)]))
    .execute();
}

/**
 * Something failed before the request to Meta was made (the channel lookup, the rate limiter):
 * the message provably did not leave, so it goes back to the queue now, to be claimed on the
 * next pass, instead of waiting for its lock and the reconcile delay like a send whose outcome
 * is unknown. The claim's attempt is given back: no attempt reached Meta.
 */
async function requeueNotSent(o: SenderOptions, row: Claimed, err: unknown): Promise<void> {
  o.logger.warn('send not started, back in the queue', { outboxId: row.id, err });
  await o.db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'pending',
      locked_until: null,
      next_attempt_at: o.clock.now(),
      attempts: eb('attempts', '-', 1),
      last_error: `not sent: ${err instanceof Error ? err.message : String(err)}`,
    }))
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .execute();
}

/** Held back for a minute (no attempt counted) while its channel's secrets cannot be read. */
async function waitForSecrets(o: SenderOptions, row: Claimed): Promise<void> {
  await o.db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'pending',
      locked_until: null,
      next_attempt_at: new Date(o.clock.now().getTime() + 60_000),
      attempts: eb('attempts', '-', 1),
      last_error: 'not sent: the channel token cannot be decrypted with this SECRET_KEY',
    }))
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .execute();
}

async function handleError(o: SenderOptions, row: Claimed, channelId: string, error: GraphErrorClass): Promise<void> {
  graphErrorsTotal.inc({ code: error.code === null ? 'none' : String(error.code), kind: error.kind });
  const now = o.clock.now();
  const retryIn = (ms: number) =>
    o.db
      .updateTable('outbox')
      .set({
        status: 'pending',
        locked_until: null,
        last_error: `${error.kind}: ${error.message}`,
        next_attempt_at: new Date(now.getTime() + ms),
      })
      .where('id', '=', row.id)
      .execute();
  const random = o.random ?? Math.random;

  switch (error.kind) {
    case 'retry':
    case 'rate_limit': {
      o.logger.warn('send failed, will retry', {
        outboxId: row.id,
        kind: error.kind,
        code: error.code,
        attempt: row.attempts,
      });
      // No Graph answer at all (timeout, reset): Meta may have accepted the message. The row
      // stays `sending` with its lock ended now, so it is reconciled like a crashed attempt:
      // Meta's status webhook, echoing our outbox id, marks it sent, or after `reconcileMs`
      // (counted from this process's start at the earliest) it is sent again.
      // A connection that could not even be opened sent nothing: backed off like Meta's errors.
      if (error.kind === 'retry' && error.code === null && !error.notSent) {
        await o.db
          .updateTable('outbox')
          .set({ locked_until: now, last_error: `${error.kind}: ${error.message}` })
          .where('id', '=', row.id)
          .where('status', '=', 'sending')
          .execute();
        return;
      }
      await retryIn(error.retryAfterMs ?? backoffMs(row.attempts, random));
      return;
    }
    case 'pair_rate_limit':
      await retryIn(error.retryAfterMs ?? pairRateBackoffMs(row.attempts));
      return;
    case 'auth':
      // An expired token stops the whole number until an admin pastes a new one.
      await o.db
        .updateTable('channels')
        .set({ healthy: false, health_error: `${error.code ?? ''} ${error.message}`.trim() })
        .where('id', '=', channelId)
        .execute();
      o.channels.invalidate();
      o.logger.error('channel token rejected by Meta; channel marked unhealthy', { channelId, code: error.code });
      await retryIn(60_000);
      return;
    case 'window_closed':
    case 'permanent':
      await fail(o, row, { code: String(error.code ?? error.kind), message: error.message, kind: error.kind });
      return;
  }
}

async function fail(o: SenderOptions, row: Claimed, error: Record<string, unknown>): Promise<void> {
  await o.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('outbox')
      .set({ status: 'failed', locked_until: null, last_error: JSON.stringify(error) })
      .where('id', '=', row.id)
      .execute();
    await tx
      .updateTable('messages')
      .set({ status: 'failed', error: JSON.stringify(error) })
      .where('id', '=', row.message_id)
      .execute();
  });
  o.onStatus?.(row.contact_id);
}
