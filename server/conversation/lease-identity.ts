import { randomInt } from 'node:crypto';
import type { Clock } from '../context.ts';
import type { Db } from '../db/database.ts';
import { holdLivenessLock, livenessLockSpace } from '../db/process-liveness.ts';
import type { Logger } from '../logger.ts';
import {
  processLeaseOwner,
  reclaimAll,
  reclaimFromDeadProcesses,
  releaseProcessLeases,
  type Reclaimed,
} from './leases.ts';

export interface LeaseIdentity {
  /** What this process names its leases (workers add `/<n>`). */
  owner: string;
  /** What processes that are gone held, taken back at start. */
  reclaimed: Reclaimed;
  /** At shutdown, once the workers stopped: gives up our leases, then our liveness lock. */
  release(): Promise<void>;
}

/**
 * Who this process is, as far as leases go, and the recovery that follows from it: after a
 * crash, the restarted process takes back the dead one's leases at once instead of waiting
 * out the lease (see `reclaimFromDeadProcesses`). With Postgres, liveness is an advisory
 * lock held for our lifetime; embedded, only one process can open the database at all.
 */
export async function startLeaseIdentity(o: {
  databaseUrl?: string | undefined;
  db: Db;
  clock: Clock;
  logger: Logger;
}): Promise<LeaseIdentity> {
  if (!o.databaseUrl) {
    const owner = processLeaseOwner(randomInt(1, 1_000_000_000));
    const reclaimed = await reclaimAll(o.db, o.clock.now());
    return { owner, reclaimed, release: () => releaseProcessLeases(o.db, owner) };
  }
  const lock = await holdLivenessLock(o.databaseUrl, (msg, err) =>
    o.logger.warn(msg, err === undefined ? {} : { err }),
  );
  const owner = processLeaseOwner(lock.key);
  try {
    const reclaimed = await reclaimFromDeadProcesses(o.db, livenessLockSpace, o.clock.now());
    return {
      owner,
      reclaimed,
      async release() {
        try {
          await releaseProcessLeases(o.db, owner);
        } finally {
          await lock.release();
        }
      },
    };
  } catch (err) {
    await lock.release();
    throw err;
  }
}
