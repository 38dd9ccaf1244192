import type { Ports } from '../../runtime/ports.ts';
import type { Clock } from '../context.ts';
import { isDatabaseUnavailable } from '../db/connection-errors.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { ChannelDirectory } from '../channels/channel-directory.ts';
import { needsTransaction } from './batch-rows.ts';
import { commitInOneStatement } from './commit-batch.ts';
import { commitOutcomes } from './commit-effects.ts';
import type { FlowVersions } from './flow-versions.ts';
import { claimWork, releaseLeases, settleLeases } from './leases.ts';
import { runContact } from './run-contact.ts';
import { inboundContentOf } from './stored-json.ts';

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
  /** Unique per process: leases name their holder. */
  owner: string;
  leaseMs: number;
  batchSize: number;
  /** Called after a commit that queued replies, so the sender starts at once. */
  onReplies(): void;
}

/**
 * One pass of the inbound processor: claim contacts with work, run their events through
 * the engine (outside any transaction: HTTP and LLM nodes may be slow), then commit all
 * outcomes in one transaction, keeping only contacts whose lease is still ours. A crash at
 * any point leaves the messages unprocessed and the lease to expire: they run again, and
 * since nothing of the first run was committed, nothing is sent twice.
 */
export async function processBatch(o: ProcessorOptions): Promise<boolean> {
  const now = o.clock.now();
  const claimed = await claimWork(o.db, o.owner, now, o.leaseMs, o.batchSize);
  if (claimed.length === 0) return false;
  const ids = claimed.map((c) => c.id);
  // Read again: the claim can wait behind webhook storage (which goes first), and a reply
  // stamped before the message it answers would be listed above it in the inbox.
  const writtenAt = o.clock.now();

  const results = await Promise.all(claimed.map(async (contact) => {
    const channel = await o.channels.byId(contact.channel_id);
    if (!channel) return null;
    try {
      const outcome = await runContact({
        contact, channel, versions: o.versions, ports: o.ports,
        session: contact.session ?? undefined,
        messages: contact.pending.map((m) => ({
          id: m.id, wamid: m.wamid, at: new Date(m.wa_timestamp ?? m.created_at),
          content: inboundContentOf(m.payload),
        })),
        timers: contact.timers.filter((t) => t.key).map((t) => ({ id: t.id, key: t.key ?? '', kind: t.kind, at: new Date(t.run_at), payload: t.payload })),
      });
      return { outcome, contact, markRead: channel.markRead };
    } catch (err) {
      // The database went away mid-run (it reads flow versions and catalog): the whole pass
      // fails, and the next one takes our leases back and runs these contacts again at once.
      if (isDatabaseUnavailable(err)) throw err;
      // A bug, not a contact's fault: leave the messages pending and retry this contact later.
      o.logger.error('processing a contact failed', { contactId: contact.id, err });
      return null;
    }
  }));

  const done = results.filter((r) => r !== null);
  const failed = ids.filter((id) => !done.some((d) => d.contact.id === id));
  let outboxRows = 0;
  let flowStarts = 0;
  if (done.length === 0) {
    // Nothing decided (every contact failed): only the retry delays below.
  } else if (!needsTransaction(done)) {
    const written = await commitInOneStatement(o.db, o.owner, done, writtenAt);
    outboxRows = written.outboxRows;
    const lost = done.length - written.settled.size;
    // Slower than the lease: someone else runs those contacts now, and nothing of theirs was written.
    if (lost > 0) o.logger.warn('lost leases while processing; another worker runs them again', { lost });
  } else {
    try {
      await o.db.transaction().execute(async (tx) => {
        ({ outboxRows, flowStarts } = await commitOutcomes(tx, done, writtenAt));
        // Last, so contact rows (which webhook storage also writes) stay locked only until the commit.
        const owned = await settleLeases(tx, o.owner, done.map((d) => d.contact.id));
        if (owned.size < done.length) throw new LeaseLost(done.length - owned.size);
      });
    } catch (err) {
      if (!(err instanceof LeaseLost)) throw err;
      // Slower than the lease: someone else runs these contacts now. Nothing was written; the
      // rest are released for a fresh run.
      o.logger.warn('lost leases while processing; the batch will run again', { lost: err.lost });
      outboxRows = 0;
      flowStarts = 0;
      await releaseLeases(o.db, o.owner, done.map((d) => d.contact.id));
    }
  }
  await releaseLeases(o.db, o.owner, failed, new Date(now.getTime() + 30_000));
  if (outboxRows > 0) o.onReplies();
  // A full batch may have left contacts behind; a smaller one took all there was, except
  // the flows a `goto` just queued (due now): the next pass starts them without waiting.
  return claimed.length >= o.batchSize || flowStarts > 0;
}

