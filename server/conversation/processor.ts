import type { Ports } from '../../runtime/ports.ts';
import type { OptOutSettings } from '../../shared/api/settings.ts';
import type { Clock } from '../context.ts';
import { isDatabaseUnavailable } from '../db/connection-errors.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { ChannelDirectory, ChannelInfo } from '../channels/channel-directory.ts';
import { overridePorts } from './override-ports.ts';
import { handledRows, needsTransaction } from './batch-rows.ts';
import { commitInOneStatement } from './commit-batch.ts';
import { commitOutcomes } from './commit-effects.ts';
import { StockShort } from '../db/queries/stock.ts';
import type { FlowVersions } from './flow-versions.ts';
import { claimWork, releaseLeases, settleLeases, staleRuns, type ClaimedContact, type ClaimedWork } from './leases.ts';
import { runContact, type ContactOutcome } from './run-contact.ts';
import { inboundContentOf } from './stored-json.ts';
import { lateMessagesTotal, messagesTotal, processingLagSeconds } from '../metrics/registry.ts';
import { timed } from '../metrics/stages.ts';

class LeaseLost extends Error {
  constructor(readonly lost: number) {
    super(`${lost} contact leases were lost`);
  }
}

export interface ProcessorOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  channels: ChannelDirectory;
  versions: FlowVersions;
  ports: Ports;
  /** A channel's reader of the files its contacts send (see `media-port.ts`); none when absent. */
  mediaFor?(channel: ChannelInfo): NonNullable<Ports['media']>;
  /** Unique per process: leases name their holder. */
  owner: string;
  leaseMs: number;
  batchSize: number;
  /** Called after a commit that queued replies, so the sender starts at once. */
  onReplies(): void;
  /** After a commit, with the contacts whose outcomes it wrote (the studio's live view refetches them). */
  onCommitted?(committed: { contactId: string; handoffOpened: boolean }[]): void;
  /** The contacts this pass holds, right after the claim (until the pass returns). */
  onClaimed?(contactIds: readonly string[]): void;
  /** The opt-out words now (settings); none checked when absent. */
  optOut?(): OptOutSettings;
  /** Contacts with a delivery still being stored (`inbound-in-flight.ts`): not claimed meanwhile. */
  inFlight?(): Promise<string[]> | string[];
}

/** How long the first runs of a batch to end wait for the others before committing without them. */
const waveGraceMs = 50;

/** `storedAt`: when each message the run handled was stored (for the processing-lag metric). */
type Done = { outcome: ContactOutcome; contact: ClaimedContact; markRead: boolean; storedAt: Date[] };
/** A run's end: decided, failed (a bug: retried later), or the database went away (the pass fails). */
type RunEnd = { id: string; done: Done | null } | { id: string; fatal: unknown };

/**
 * One pass of the inbound processor: claim contacts with work, run their events through
 * the engine (outside any transaction: HTTP and LLM nodes may be slow), then commit the
 * outcomes, keeping only contacts whose lease is still ours. Outcomes are committed in waves,
 * each holding every run that finished meanwhile: a contact waiting on a slow HTTP or LLM call
 * holds back its own reply only, not those of the other contacts claimed with it. A crash at
 * any point leaves the uncommitted messages unprocessed and their leases to expire: they run
 * again, and since nothing of their first run was committed, nothing is sent twice.
 */
export async function processBatch(o: ProcessorOptions): Promise<boolean> {
  const now = o.clock.now();
  // The holds are read inside the claim's stage: with Redis they are one round trip of it.
  const claimed = await timed('claim', async () =>
    claimWork(o.db, o.owner, now, o.leaseMs, o.batchSize, (await o.inFlight?.()) ?? []),
  );
  if (claimed.length === 0) return false;
  o.onClaimed?.(claimed.map((c) => c.id));

  const ended: RunEnd[] = [];
  let signal: (() => void) | null = null;
  for (const contact of claimed) {
    void timed('step', () => runOne(o, contact))
      .then(
        (done) => ended.push({ id: contact.id, done }),
        (fatal: unknown) => ended.push({ id: contact.id, fatal }),
      )
      .finally(() => signal?.());
  }
  const nextEnd = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  let flowStarts = 0;
  let rerun = false;
  for (let committed = 0; committed < claimed.length;) {
    while (ended.length === 0) await nextEnd(60_000);
    // Most of a batch ends within moments (the engine alone takes microseconds): wait for the
    // rest, for one commit, but no longer than `waveGraceMs` for a contact on a slow call.
    const deadline = performance.now() + waveGraceMs;
    while (committed + ended.length < claimed.length && performance.now() < deadline) {
      await nextEnd(Math.max(1, deadline - performance.now()));
    }
    signal = null;
    const wave = ended.splice(0);
    committed += wave.length;
    const fatal = wave.find((e) => 'fatal' in e);
    // The database went away mid-run (it reads flow versions and catalog): the whole pass
    // fails, and the next one takes our leases back and runs the uncommitted contacts again at once.
    if (fatal && 'fatal' in fatal) throw fatal.fatal;
    const written = await timed('commit', () =>
      commitWave(
        o,
        wave.flatMap((e) => ('done' in e && e.done ? [e.done] : [])),
        wave.flatMap((e) => ('done' in e && !e.done ? [e.id] : [])),
        now,
      ),
    );
    flowStarts += written.flowStarts;
    rerun ||= written.rerun;
  }
  // A full batch may have left contacts behind; a smaller one took all there was, except
  // the flows a `goto` just queued (due now): the next pass starts them without waiting.
  // (and a wave rolled back for stock runs again at once).
  return claimed.length >= o.batchSize || flowStarts > 0 || rerun;
}

async function runOne(o: ProcessorOptions, contact: ClaimedWork): Promise<Done | null> {
  const channel = await o.channels.byId(contact.channel_id);
  if (!channel) return null;
  try {
    const outcome = await runContact({
      contact,
      channel,
      versions: o.versions,
      ports: o.mediaFor ? overridePorts(o.ports, { media: o.mediaFor(channel) }) : o.ports,
      optOut: o.optOut?.(),
      session: contact.session ?? undefined,
      handledUpTo: contact.handled_up_to ? new Date(contact.handled_up_to) : null,
      now: o.clock.now(),
      messages: contact.pending.map((m) => ({
        id: m.id,
        wamid: m.wamid,
        at: new Date(m.wa_timestamp ?? m.created_at),
        content: inboundContentOf(m.payload),
      })),
      timers: contact.timers
        .filter((t) => t.key)
        .map((t) => ({ id: t.id, key: t.key ?? '', kind: t.kind, at: new Date(t.run_at), payload: t.payload })),
    });
    return {
      outcome,
      contact: contact as ClaimedContact,
      markRead: channel.markRead,
      storedAt: contact.pending.map((m) => new Date(m.created_at)),
    };
  } catch (err) {
    if (isDatabaseUnavailable(err)) throw err;
    // A bug, not a contact's fault: leave the messages pending and retry this contact later.
    o.logger.error('processing a contact failed', { contactId: contact.id, err });
    return null;
  }
}

/** Commits one wave of outcomes; answers how many flow starts (`goto`) it queued, and whether it must run again. */
async function commitWave(
  o: ProcessorOptions,
  done: Done[],
  failed: string[],
  claimedAt: Date,
): Promise<{ flowStarts: number; rerun: boolean }> {
  // Read now: the claim can wait behind webhook storage (which goes first), and a reply
  // stamped before the message it answers would be listed above it in the inbox.
  const writtenAt = o.clock.now();
  let outboxRows = 0;
  let flowStarts = 0;
  let committed: typeof done = [];
  let rerun = false;
  if (done.length === 0) {
    // Nothing decided (every contact failed): only the retry delays below.
  } else if (!needsTransaction(done)) {
    const written = await commitInOneStatement(o.db, o.owner, done, writtenAt);
    outboxRows = written.outboxRows;
    committed = done.filter((d) => written.settled.has(d.contact.id));
    const lost = done.filter((d) => !written.settled.has(d.contact.id)).map((d) => d.contact.id);
    if (lost.length > 0) {
      // Slower than the lease (someone else runs those contacts now), a stale claim whose
      // messages another processor committed first, or an earlier message stored while the
      // run was under way (`overtakenContacts`): nothing of theirs was written. A lease
      // still ours is given back, and the next pass runs at once for what may be left.
      o.logger.warn(
        'runs not committed (lease lost, messages already processed, or an earlier one arrived); run again',
        {
          lost: lost.length,
        },
      );
      await releaseLeases(o.db, o.owner, lost);
      rerun = true;
    }
  } else {
    // A contact whose order finds its stock gone at commit (another order took the last units)
    // is left out and run again at once, where the picker reads what is left and tells them;
    // the rest of the wave is committed without it.
    let pending = done;
    const handled = handledRows(done);
    // A stale claim, or an earlier message stored meanwhile (see `staleRuns`).
    const stale = await staleRuns(
      o.db,
      done.flatMap((d) => d.outcome.processedMessageIds),
      handled,
    );
    if (stale.size > 0) {
      o.logger.warn('runs not committed (messages already processed, or an earlier one arrived); run again', {
        stale: stale.size,
      });
      pending = done.filter((d) => !stale.has(d.contact.id));
      await releaseLeases(o.db, o.owner, [...stale]);
      rerun = true;
    }
    while (pending.length > 0) {
      try {
        await o.db.transaction().execute(async (tx) => {
          ({ outboxRows, flowStarts } = await commitOutcomes(tx, pending, writtenAt));
          // Last, so contact rows (which webhook storage also writes) stay locked only until the commit.
          const owned = await settleLeases(
            tx,
            o.owner,
            pending.map((d) => d.contact.id),
            handled,
          );
          if (owned.size < pending.length) throw new LeaseLost(pending.length - owned.size);
        });
        committed = pending;
        break;
      } catch (err) {
        outboxRows = 0;
        flowStarts = 0;
        if (err instanceof StockShort && err.contactId) {
          o.logger.info('stock ran out while recording an order; the contact runs again', {
            contactId: err.contactId,
            productId: err.productId,
          });
          rerun = true;
          pending = pending.filter((d) => d.contact.id !== err.contactId);
          await releaseLeases(o.db, o.owner, [err.contactId]);
          continue;
        }
        if (!(err instanceof LeaseLost)) throw err;
        // Slower than the lease: someone else runs these contacts now. Nothing was written; the
        // rest are released for a fresh run.
        o.logger.warn('lost leases while processing; the batch will run again', { lost: err.lost });
        await releaseLeases(
          o.db,
          o.owner,
          pending.map((d) => d.contact.id),
        );
        break;
      }
    }
  }
  await releaseLeases(o.db, o.owner, failed, new Date(claimedAt.getTime() + 30_000));
  if (outboxRows > 0) o.onReplies();
  countCommitted(committed, writtenAt, o.logger);
  if (committed.length)
    o.onCommitted?.(committed.map((d) => ({ contactId: d.contact.id, handoffOpened: d.outcome.handoffs.length > 0 })));
  return { flowStarts, rerun };
}

/** Each handled message's wait from storage to this commit, and the messages each channel handled. */
function countCommitted(committed: readonly Done[], writtenAt: Date, logger: Logger): void {
  for (const d of committed) {
    if (d.outcome.lateMessageIds.length) {
      // Recorded, not run: the flow had already answered a later message of this contact.
      lateMessagesTotal.inc({ channel: d.contact.channel_id }, d.outcome.lateMessageIds.length);
      logger.info('a message arrived after a later one was handled; stored, not run by the flow', {
        contactId: d.contact.id,
        messageIds: d.outcome.lateMessageIds,
      });
    }
    for (const at of d.storedAt) processingLagSeconds.observe(Math.max(0, writtenAt.getTime() - at.getTime()) / 1000);
    if (d.storedAt.length) messagesTotal.inc({ channel: d.contact.channel_id, direction: 'in' }, d.storedAt.length);
  }
}
